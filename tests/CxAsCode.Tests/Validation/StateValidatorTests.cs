using CxAsCode.Resources;
using CxAsCode.State;
using CxAsCode.Tests.TestData;
using CxAsCode.Validation;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Validation;

public partial class StateValidatorTests
{
    private const string BillingSupport = "state/dev/routing/queues/billing-support.json";
    private const string OutageLine = "state/dev/routing/queues/outage-line.json";
    private const string Resolved = "state/dev/routing/wrapupcodes/resolved.json";
    private const string Welsh = "state/dev/routing/skills/welsh.json";
    private const string AnId = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

    private static readonly HashSet<string> LiveDivisions = new(["Home", "Residential", "Business"], NameComparer.Instance);

    private StateFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = StateFolder.WithSampleDev();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    /// <summary>Loads the temp copy like the pipeline does and validates it, mapping problems included.</summary>
    private IReadOnlyList<ValidationError> Validate(ISet<string>? liveDivisions = null, bool offline = false)
    {
        var store = new StateStore(_folder.Root);
        var state = store.LoadDesired("dev");
        var (mappings, problems) = store.LoadMappings("dev");
        return [.. problems, .. StateValidator.Validate(state, mappings, kind => offline || kind != ResourceKinds.Divisions ? null : liveDivisions ?? LiveDivisions)];
    }

    private static string Describe(IEnumerable<ValidationError> errors) => string.Join("\n", errors);

    [Test]
    public void Validate_SampleDevState_HasNoErrors()
    {
        var errors = Validate();

        Assert.That(errors, Is.Empty, Describe(errors));
    }

    [Test]
    public void Validate_SampleDevStateOffline_HasNoErrors()
    {
        Assert.That(Validate(offline: true), Is.Empty);
    }

    [Test]
    public void Validate_SampleDevState_LoadsEveryFile()
    {
        var state = new StateStore(_folder.Root).LoadDesired("dev");

        Assert.That(state.Objects, Has.Count.EqualTo(Directory.GetFiles(_folder.PathOf("state/dev"), "*.json", SearchOption.AllDirectories).Length));
    }

    [TestCase(Resolved)]
    [TestCase(BillingSupport)]
    public void Validate_MissingDivision_IsReported(string file)
    {
        _folder.Edit(file, content => content.Remove("division"));

        var errors = Validate();

        Assert.That(errors.Select(e => (e.File, e.JsonPath, e.Message)), Is.EqualTo(new[] { (file, "$.division", "missing required field 'division'") }));
    }

    [Test]
    public void Validate_DivisionNotInMappings_IsReported()
    {
        _folder.Edit(Resolved, content => content["division"] = "Wholesale");

        var errors = Validate();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors.Select(e => (e.File, e.JsonPath)), Is.EqualTo(new[] { (Resolved, "$.division") }));
            Assert.That(errors[0].Message, Does.Contain("'Wholesale'").And.Contain("mappings file"));
        }
    }

    [Test]
    public void Validate_MappingTargetNotInLiveOrg_NamesTheMappingEntry()
    {
        _folder.Edit("mappings/dev.json", m => m["references"]!["divisions"]!["Business"] = "Commercial");

        var errors = Validate();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors.Select(e => (e.File, e.JsonPath)), Is.EqualTo(new[] { ("mappings/dev.json", "$.references.divisions['Business']") }));
            Assert.That(errors[0].Message, Does.Contain("'Commercial'"));
        }
    }

    [Test]
    public void Validate_MappingTargetNotInLiveOrgWhileOffline_IsNotChecked()
    {
        _folder.Edit("mappings/dev.json", m => m["references"]!["divisions"]!["Business"] = "Commercial");

        Assert.That(Validate(offline: true), Is.Empty);
    }

    [Test]
    public void Validate_MappingForUnknownKind_IsReported()
    {
        _folder.Edit("mappings/dev.json", m => m["references"]!["widgets"] = new JObject { ["Main"] = "Main IVR" });

        var errors = Validate();

        Assert.That(errors.Select(e => (e.File, e.JsonPath)), Is.EqualTo(new[] { ("mappings/dev.json", "$.references.widgets") }));
    }

    [Test]
    public void Validate_GuidAsSkillReference_SaysItLooksLikeAnId()
    {
        _folder.Edit(BillingSupport, q => q["bullseye"]!["rings"]![0]!["actions"]!["skillsToRemove"]![0] = AnId);

        var errors = Validate();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors.Select(e => (e.File, e.JsonPath)), Is.EqualTo(new[] { (BillingSupport, "$.bullseye.rings[0].actions.skillsToRemove[0]") }));
            Assert.That(errors[0].Message, Does.Contain("looks like an id"));
        }
    }

    [TestCase(Resolved, "division")]
    [TestCase(BillingSupport, "division")]
    [TestCase(BillingSupport, "wrapupCodes[0]")]
    public void Validate_GuidAsOtherReference_SaysItLooksLikeAnId(string file, string path)
    {
        _folder.Edit(file, content => content.SelectToken(path)!.Replace(AnId.ToUpperInvariant()));

        var errors = Validate();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors.Select(e => (e.File, e.JsonPath)), Is.EqualTo(new[] { (file, "$." + path) }));
            Assert.That(errors[0].Message, Does.Contain("looks like an id"));
        }
    }

    [Test]
    public void Validate_UnknownSubstitution_NamesTheKey()
    {
        _folder.Edit(OutageLine, q => q["description"] = "Emergency: {{emergencyLine}}, after hours: {{afterHoursLine}}");

        var errors = Validate();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors.Select(e => (e.File, e.JsonPath)), Is.EqualTo(new[] { (OutageLine, "$.description") }));
            Assert.That(errors[0].Message, Does.Contain("{{afterHoursLine}}"));
        }
    }

    [Test]
    public void Validate_UnknownSubstitutionNested_NamesTheNestedPath()
    {
        _folder.Edit(OutageLine, q => q["mediaSettings"]!["message"]!["subTypeSettings"] = new JObject { ["whatsapp"] = new JObject { ["greeting"] = "{{brand}}" } });

        Assert.That(Validate().Select(e => e.JsonPath), Is.EqualTo(new[] { "$.mediaSettings.message.subTypeSettings.whatsapp.greeting" }));
    }

    [TestCase("Gas\nBoilers", "control character")]
    [TestCase("Gas\tBoilers", "control character")]
    [TestCase("Gas\u0000", "control character")]
    [TestCase("Gas\u007f", "control character")]
    [TestCase(" Gas", "white space")]
    [TestCase("Gas ", "white space")]
    [TestCase("", "name is empty")]
    public void Validate_BadName_IsReportedAtName(string name, string message)
    {
        _folder.WriteJson("state/dev/routing/skills/gas.json", new JObject { ["name"] = name });

        var errors = Validate();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors.Select(e => (e.File, e.JsonPath)), Is.EqualTo(new[] { ("state/dev/routing/skills/gas.json", "$.name") }), Describe(errors));
            Assert.That(errors[0].Message, Does.Contain(message));
        }
    }

    [Test]
    public void Validate_NameLongerThan255_IsReported()
    {
        var name = new string('x', 256);
        _folder.Write($"state/dev/routing/skills/{FileNames.StemFor(name)}.json", $"{{\"name\": \"{name}\"}}");

        var errors = Validate();

        Assert.That(errors.Select(e => (e.JsonPath, e.Message)), Is.EqualTo(new[] { ("$.name", "too long: 256 characters, at most 255 allowed") }));
    }

    [Test]
    public void Validate_HashedFileNameForPunctuatedName_IsAccepted()
    {
        const string name = "Billing & Payments";
        _folder.Write($"state/dev/routing/skills/{FileNames.StemFor(name)}.json", $"{{\"name\": \"{name}\"}}");

        Assert.That(Validate(), Is.Empty);
    }

    [Test]
    public void Validate_ProblemsFromLoading_AreListedWithTheRest()
    {
        _folder.Write("state/dev/routing/skills/broken.json", "{\"name\": ");
        _folder.Write("state/dev/routing/flows/main.json", "{\"name\": \"Main\"}");
        _folder.Edit(Welsh, s => s["colour"] = "red");

        var errors = Validate();

        Assert.That(errors.Select(e => e.File), Is.EqualTo(new[]
        {
            "state/dev/routing/flows/main.json",
            "state/dev/routing/skills/broken.json",
            Welsh,
        }));
    }

    [Test]
    public void Validate_ManyProblems_AreSortedByFileThenPath()
    {
        _folder.Edit(BillingSupport, q =>
        {
            q["skillEvaluationMethod"] = "FASTEST";
            q["acwSettings"]!["timeoutMs"] = "slow";
            q["bullseye"]!["rings"]![0]!["actions"]!["skillsToRemove"]![0] = "Gas";
        });
        _folder.Edit(Resolved, c => c.Remove("division"));
        _folder.Edit(Welsh, s => s["colour"] = "red");

        var errors = Validate();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors.Select(e => (e.File, e.JsonPath)), Is.EqualTo(new[]
            {
                (BillingSupport, "$.acwSettings.timeoutMs"),
                (BillingSupport, "$.bullseye.rings[0].actions.skillsToRemove[0]"),
                (BillingSupport, "$.skillEvaluationMethod"),
                (Welsh, "$.colour"),
                (Resolved, "$.division"),
            }));
        }
    }

    [Test]
    public void Validate_TenThousandSkillsWithThreePlantedErrors_ReportsExactlyThoseThree()
    {
        // Built in memory: the validator is pure, and creating 10,000 files costs seconds on slow disks.
        static ResourceObject Skill(string name, string? stem = null, string? extraField = null)
        {
            var content = new JObject { ["name"] = name };
            if (extraField is not null)
            {
                content[extraField] = 1;
            }

            return new ResourceObject(ResourceKinds.Skills, name, content) { SourceFile = $"routing/skills/{stem ?? FileNames.StemFor(name)}.json" };
        }

        var objects = Enumerable.Range(0, 10_000).Where(i => i != 42).Select(i => Skill($"Skill {i:D5}")).ToList();

        // 1: two names equal but for case, each in the file its own name gives.
        objects.Add(Skill("SKILL-00042"));
        objects.Add(Skill("Skill-00042"));

        // 2: an unknown field.
        objects[5000] = Skill("Skill 05001", extraField: "priority");

        // 3: a file name that does not match its name.
        objects[9000] = Skill("Skill 99999", stem: "skill-09001");

        var state = new DesiredState("state/dev", "mappings/dev.json", objects, []);

        var errors = StateValidator.Validate(state, Mappings.Empty, _ => null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(state.Objects, Has.Count.EqualTo(10_001));
            Assert.That(errors, Has.Count.EqualTo(3), Describe(errors));
            Assert.That(errors.Where(e => e.Message.Contains("duplicate", StringComparison.Ordinal)).Select(e => e.File), Has.One.Contains("skill-00042-"));
            Assert.That(errors.Select(e => (e.File, e.JsonPath)), Has.One.EqualTo(("state/dev/routing/skills/skill-05001.json", "$.priority")));
            Assert.That(errors.Select(e => (e.File, e.JsonPath)), Has.One.EqualTo(("state/dev/routing/skills/skill-09001.json", "$.name")));
        }
    }

    [Test]
    public void Validate_TenThousandQueuesWithAThousandBroken_ListsEveryErrorQuickly()
    {
        // Test-plan item 26 with the queue rules: every problem listed, not just the first, and fast.
        var store = new StateStore(_folder.Root);
        var sample = store.LoadDesired("dev");
        var (mappings, _) = store.LoadMappings("dev");
        var template = sample.Objects.Single(o => o.Key == "Billing Support");
        var objects = sample.Objects.Where(o => o.Kind != ResourceKinds.Queues).ToList();
        for (var i = 0; i < 10_000; i++)
        {
            var name = $"Queue {i:D5}";
            var body = (JObject)template.Body.DeepClone();
            body["name"] = name;
            if (i % 10 == 0)
            {
                body["mediaSettings"]!["call"]!["alertingTimeoutSeconds"] = 6;
                body["acwSettings"]!["wrapupPrompt"] = "OPTIONAL";
                ((JArray)body["bullseye"]!["rings"]!).RemoveAt(1);
            }

            objects.Add(template with { Key = name, Body = body, SourceFile = $"routing/queues/{FileNames.StemFor(name)}.json" });
        }

        var state = new DesiredState("state/dev", "mappings/dev.json", objects, []);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var errors = StateValidator.Validate(state, mappings, kind => kind == ResourceKinds.Divisions ? LiveDivisions : null);

        clock.Stop();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors, Has.Count.EqualTo(3_000));
            Assert.That(errors.Select(e => e.File).Distinct().Count(), Is.EqualTo(1_000));
            Assert.That(errors.GroupBy(e => e.JsonPath).Select(g => (g.Key, g.Count())), Is.EquivalentTo(new[]
            {
                ("$.acwSettings.timeoutMs", 1_000),
                ("$.bullseye.rings", 1_000),
                ("$.mediaSettings.call.alertingTimeoutSeconds", 1_000),
            }));
            // About half a second on a loaded 2-core machine; the bound only catches an accidental quadratic.
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        }

        TestContext.Out.WriteLine($"Validated {objects.Count} objects in {clock.ElapsedMilliseconds} ms");
    }

    [Test]
    public void Validate_ThousandGeneratedFilesOnDiskWithPlantedErrors_ListsEveryOne()
    {
        using var big = StateFolder.Empty();
        for (var i = 0; i < 1_000; i++)
        {
            var name = $"Skill {i:D4}";
            big.Write($"state/dev/routing/skills/{FileNames.StemFor(name)}.json", $"{{\"name\": \"{name}\"}}\n");
        }

        big.Write("state/dev/routing/skills/skill-0100.json", "{\"name\": \"Skill 0100\",}\n");
        big.Write("state/dev/routing/skills/skill-0200.json", "{\"name\": \"Skill 0200\", \"priority\": 1}\n");
        big.Write("state/dev/routing/skills/skill-0300.json", "{\"name\": \"Skill 3000\"}\n");

        var errors = StateValidator.Validate(new StateStore(big.Root).LoadDesired("dev"), Mappings.Empty, _ => null);

        Assert.That(errors.Select(e => (e.File, e.JsonPath)), Is.EqualTo(new[]
        {
            ("state/dev/routing/skills/skill-0100.json", "$"),
            ("state/dev/routing/skills/skill-0200.json", "$.priority"),
            ("state/dev/routing/skills/skill-0300.json", "$.name"),
        }), Describe(errors));
    }
}
