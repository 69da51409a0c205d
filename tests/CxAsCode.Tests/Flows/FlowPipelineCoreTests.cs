using CxAsCode.Deployment;
using CxAsCode.Flows;
using CxAsCode.Normalization;
using CxAsCode.Resources;
using CxAsCode.State;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Flows;

/// <summary>Issue 8: the small pure pieces the pipeline's flow support stands on.</summary>
[TestFixture]
internal sealed class FlowPipelineCoreTests
{
    [TestCase("inboundCall", "INBOUNDCALL")]
    [TestCase("inqueueCall", "INQUEUECALL")]
    [TestCase("inQueueCall", "INQUEUECALL")]
    [TestCase("botFlow", "BOT")]
    [TestCase("digitalBotFlow", "DIGITALBOT")]
    [TestCase("workitem", "WORKITEM")]
    public void ToApi_ArchyKey_FlowType(string key, string type) => Assert.That(FlowTypeNames.ToApi(key), Is.EqualTo(type));

    [TestCase("InboundCall")]
    [TestCase("bot")]
    [TestCase("callFlow")]
    public void ToApi_NotAnArchyKey_Null(string key) => Assert.That(FlowTypeNames.ToApi(key), Is.Null);

    [TestCase("BOT", "botFlow")]
    [TestCase("INQUEUECALL", "inqueueCall")]
    public void ToArchy_FlowType_TheFolderStateUses(string type, string key) => Assert.That(FlowTypeNames.ToArchy(type), Is.EqualTo(key));

    [Test]
    public void KeyOf_LiveFlow_ArchyTypeSlashName() =>
        Assert.That(ResourceKinds.Flows.KeyOf(new JObject { ["name"] = "Main IVR", ["type"] = "INBOUNDCALL" }), Is.EqualTo("inboundCall/Main IVR"));

    [TestCase("DR-Emergency-IVR", "dr-emergency-ivr")]
    [TestCase("In-Queue Flow", "in-queue-flow")]
    [TestCase("Billing", "billing")]
    public void FolderFor_Name_StemWithoutTheHash(string name, string folder) => Assert.That(FileNames.FolderFor(name), Is.EqualTo(folder));

    [Test]
    public void FolderFor_NothingLeftOfTheName_KeepsTheHash() =>
        Assert.That(FileNames.FolderFor("☎☎"), Does.Match("^object-[0-9a-f]{8}$"));

    [Test]
    public void HolderOf_LockedByAUser_NamesThem() =>
        Assert.That(FlowLock.HolderOf(new JObject { ["lockedUser"] = new JObject { ["id"] = "u1", ["name"] = "Amelia Hart" } }), Is.EqualTo("user 'Amelia Hart'"));

    [Test]
    public void HolderOf_LockedByAClient_NamesIt() =>
        Assert.That(FlowLock.HolderOf(new JObject { ["lockedClient"] = new JObject { ["id"] = "c1" } }), Is.EqualTo("OAuth client 'c1'"));

    [Test]
    public void HolderOf_NotLocked_Null() => Assert.That(FlowLock.HolderOf(new JObject { ["name"] = "Main" }), Is.Null);

    [Test]
    public void Fingerprint_LockAndContentAside_PublishedVersionCounts()
    {
        var flow = new JObject { ["id"] = "f1", ["name"] = "Main", ["type"] = "INBOUNDCALL", ["publishedVersion"] = new JObject { ["id"] = "1.0" } };
        var locked = new JObject(flow) { ["lockedClient"] = new JObject { ["id"] = "c1" }, [FlowFields.Content] = "x", [FlowFields.Yaml] = "y" };
        var republished = new JObject(flow) { ["publishedVersion"] = new JObject { ["id"] = "2.0" } };

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Fingerprints.Of(ResourceKinds.Flows, locked), Is.EqualTo(Fingerprints.Of(ResourceKinds.Flows, flow)), "the lock is checked on its own");
            Assert.That(Fingerprints.Of(ResourceKinds.Flows, republished), Is.Not.EqualTo(Fingerprints.Of(ResourceKinds.Flows, flow)), "a new version is a change after the plan");
        }
    }

    [Test]
    public void ToState_LiveValueFilledFromAKey_BecomesThePlaceholderAgain()
    {
        var mappings = new Mappings(new Dictionary<string, IReadOnlyDictionary<string, string>>(), new Dictionary<string, string> { ["greeting"] = "Hello from dev", ["unused"] = "Main" });
        var written = new JObject { [FlowFields.Yaml] = "inboundCall:\n  name: Main\n  initialGreeting:\n    tts: \"{{greeting}}\"\n" };
        var live = new JObject { ["name"] = "Main", [FlowFields.Yaml] = FlowDocument.Parse("inboundCall:\n  name: Main\n  initialGreeting:\n    tts: Hello from dev\n  description: new\n").ToYaml() };

        var state = FlowNormalizer.ToState(live, written, mappings);

        Assert.That((string?)state[FlowFields.Yaml], Is.EqualTo("inboundCall:\n  description: new\n  initialGreeting:\n    tts: '{{greeting}}'\n  name: Main\n"), "only keys the file used are put back; 'Main' stays a name");
    }

    [Test]
    public void ToCanonical_PlaceholdersFilledAndYamlCanonical_NameTypeDescriptionFromTheYaml()
    {
        var mappings = new Mappings(new Dictionary<string, IReadOnlyDictionary<string, string>>(), new Dictionary<string, string> { ["flow_name"] = "Main" });
        var state = new JObject { ["name"] = "folder-name", ["type"] = "INBOUNDCALL", [FlowFields.Yaml] = "\uFEFFinboundCall:\r\n  name: {{flow_name}}\r\n  description: Hi\r\n" };

        var canonical = FlowNormalizer.ToCanonical(state, mappings);

        Assert.That(canonical.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("{\"description\":\"Hi\",\"name\":\"Main\",\"type\":\"INBOUNDCALL\",\"yaml\":\"inboundCall:\\n  description: Hi\\n  name: Main\\n\"}"));
    }
}
