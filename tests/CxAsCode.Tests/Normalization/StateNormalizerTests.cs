using CxAsCode.Json;
using CxAsCode.Normalization;
using CxAsCode.Resources;
using CxAsCode.State;
using CxAsCode.Tests.TestData;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Normalization;

public class StateNormalizerTests
{
    private static readonly Mappings TestMappings = new(
        new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["divisions"] = new Dictionary<string, string>
            {
                ["Home"] = "Home",
                ["Residential"] = "Residential (Test)",
                ["Business"] = "Commercial",
            },
        },
        new Dictionary<string, string>
        {
            ["emergencyLine"] = "0800 000 0101",
            ["brand"] = "Northwind",
        });

    private static JObject Queue() => JObject.Parse("""
        {
          "name": "Outage Line",
          "division": "Residential",
          "description": "Power cuts. Emergency line: {{emergencyLine}}",
          "bullseye": { "rings": [ { "actions": { "skillsToRemove": [ "Welsh", "Outages" ] } } ] },
          "mediaSettings": { "callback": { "callerIdName": "{{ brand }} Energy" } },
          "wrapupCodes": [ "Resolved", "Escalated" ]
        }
        """);

    [Test]
    public void ToCanonical_Substitution_IsFilledFromMappingValues()
    {
        var body = StateNormalizer.ToCanonical(ResourceKinds.Queues, Queue(), TestMappings);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)body["description"], Is.EqualTo("Power cuts. Emergency line: 0800 000 0101"));
            Assert.That((string?)body.SelectToken("mediaSettings.callback.callerIdName"), Is.EqualTo("Northwind Energy"));
        }
    }

    [Test]
    public void ToCanonical_SubstitutionInName_IsLeftAsWritten()
    {
        var content = new JObject { ["name"] = "{{brand}} Billing", ["division"] = "Home", ["description"] = "{{brand}}" };

        var body = StateNormalizer.ToCanonical(ResourceKinds.WrapupCodes, content, TestMappings);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)body["name"], Is.EqualTo("{{brand}} Billing"));
            Assert.That((string?)body["description"], Is.EqualTo("Northwind"));
        }
    }

    [Test]
    public void ToCanonical_UnknownSubstitution_IsLeftAsWritten()
    {
        var content = new JObject { ["name"] = "Resolved", ["division"] = "Home", ["description"] = "Call {{nowhere}}" };

        var body = StateNormalizer.ToCanonical(ResourceKinds.WrapupCodes, content, TestMappings);

        Assert.That((string?)body["description"], Is.EqualTo("Call {{nowhere}}"));
    }

    [Test]
    public void ToCanonical_SymbolicDivision_BecomesTheMappedName()
    {
        var body = StateNormalizer.ToCanonical(ResourceKinds.Queues, Queue(), TestMappings);

        Assert.That((string?)body["division"], Is.EqualTo("Residential (Test)"));
    }

    [Test]
    public void ToCanonical_UnmappedDivision_StaysAsWritten()
    {
        var content = new JObject { ["name"] = "Resolved", ["division"] = "Wholesale" };

        var body = StateNormalizer.ToCanonical(ResourceKinds.WrapupCodes, content, TestMappings);

        Assert.That((string?)body["division"], Is.EqualTo("Wholesale"));
    }

    [Test]
    public void ToCanonical_ManagedReferences_KeepTheirNamesAndAreSorted()
    {
        var body = StateNormalizer.ToCanonical(ResourceKinds.Queues, Queue(), TestMappings);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(body.SelectToken("bullseye.rings[0].actions.skillsToRemove")!.Select(t => (string?)t), Is.EqualTo(new[] { "Outages", "Welsh" }));
            Assert.That(body["wrapupCodes"]!.Select(t => (string?)t), Is.EqualTo(new[] { "Escalated", "Resolved" }));
        }
    }

    [Test]
    public void ToCanonical_Result_IsCanonical()
    {
        var content = Queue();
        content["acwSettings"] = new JObject { ["timeoutMs"] = 1, ["wrapupPrompt"] = "OPTIONAL", ["gone"] = null };

        var body = StateNormalizer.ToCanonical(ResourceKinds.Queues, content, TestMappings);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(body.ToString(Formatting.None), Is.EqualTo(CanonicalJson.Compact(body)));
            Assert.That(body.SelectToken("acwSettings.gone"), Is.Null);
        }
    }

    [Test]
    public void ToCanonical_Content_IsNotModified()
    {
        var content = Queue();
        var before = content.ToString();

        StateNormalizer.ToCanonical(ResourceKinds.Queues, content, TestMappings);

        Assert.That(content.ToString(), Is.EqualTo(before));
    }

    [Test]
    public void ToState_MappedDivision_BecomesTheSymbolicName()
    {
        var canonical = new JObject { ["name"] = "Resolved", ["division"] = "Commercial" };

        var state = StateNormalizer.ToState(ResourceKinds.WrapupCodes, canonical, TestMappings);

        Assert.That((string?)state["division"], Is.EqualTo("Business"));
    }

    [Test]
    public void ToState_MappedDivisionInOtherCase_BecomesTheSymbolicName()
    {
        var canonical = new JObject { ["name"] = "Resolved", ["division"] = "residential (TEST)" };

        var state = StateNormalizer.ToState(ResourceKinds.WrapupCodes, canonical, TestMappings);

        Assert.That((string?)state["division"], Is.EqualTo("Residential"));
    }

    [Test]
    public void ToState_UnmappedDivision_StaysAsItIs()
    {
        var canonical = new JObject { ["name"] = "Resolved", ["division"] = "Wholesale" };

        var state = StateNormalizer.ToState(ResourceKinds.WrapupCodes, canonical, TestMappings);

        Assert.That((string?)state["division"], Is.EqualTo("Wholesale"));
    }

    [Test]
    public void ToState_TwoSymbolicNamesForOneTarget_PicksTheOrdinallyFirst()
    {
        var mappings = new Mappings(
            new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                ["divisions"] = new Dictionary<string, string> { ["Retail"] = "Home", ["Home"] = "Home" },
            },
            new Dictionary<string, string>());

        var state = StateNormalizer.ToState(ResourceKinds.WrapupCodes, new JObject { ["name"] = "Resolved", ["division"] = "Home" }, mappings);

        Assert.That((string?)state["division"], Is.EqualTo("Home"));
    }

    [Test]
    public void ToState_NameEqualToAMappedTarget_IsNotRenamed()
    {
        var canonical = new JObject { ["name"] = "Commercial", ["division"] = "Commercial" };

        var state = StateNormalizer.ToState(ResourceKinds.WrapupCodes, canonical, TestMappings);

        Assert.That((string?)state["name"], Is.EqualTo("Commercial"));
    }

    [Test]
    public void ToCanonicalThenToState_QueueWithoutSubstitutions_GivesTheStateBack()
    {
        var content = Queue();
        content["description"] = "Power cuts";
        content["mediaSettings"]!["callback"]!["callerIdName"] = "Northwind";
        var state = (JObject)CanonicalJson.Canonicalize(StateNormalizer.ToCanonical(ResourceKinds.Queues, content, Mappings.Empty));

        var back = StateNormalizer.ToState(ResourceKinds.Queues, StateNormalizer.ToCanonical(ResourceKinds.Queues, state, TestMappings), TestMappings);

        Assert.That(CanonicalJson.Serialize(back), Is.EqualTo(CanonicalJson.Serialize(state)));
    }

    [Test]
    public void ToCanonicalThenToState_EverySampleFileWithoutSubstitutions_GivesTheFileBack()
    {
        var folder = Path.Combine(StateFolder.RepositoryRoot, "state", "dev");
        // A flow's flow.json is metadata beside its YAML, not an object's file (FlowNormalizer has its own tests).
        var files = Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "flow.json")
            .Where(f => !File.ReadAllText(f).Contains("{{", StringComparison.Ordinal))
            .ToList();
        Assume.That(files, Has.Count.GreaterThan(10));

        var mismatches = files.Where(file =>
        {
            var kind = ResourceKinds.ByFolder(Path.GetRelativePath(folder, Path.GetDirectoryName(file)!).Replace('\\', '/'))!;
            var text = File.ReadAllText(file);
            var canonical = StateNormalizer.ToCanonical(kind, (JObject)CanonicalJson.Parse(text), TestMappings);
            return CanonicalJson.Serialize(StateNormalizer.ToState(kind, canonical, TestMappings)) != text;
        });

        Assert.That(mismatches, Is.Empty);
    }
}
