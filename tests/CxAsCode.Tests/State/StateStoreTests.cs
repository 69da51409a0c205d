using CxAsCode.Json;
using CxAsCode.Resources;
using CxAsCode.State;
using CxAsCode.Tests.TestData;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.State;

public partial class StateStoreTests
{
    private static readonly DateTime LongAgo = new(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
    private StateFolder _folder = null!;
    private StateStore _store = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = StateFolder.Empty();
        _store = new StateStore(_folder.Root);
    }

    [TearDown]
    public void TearDown() => _folder.Dispose();

    private static (ResourceKind, string, JObject) Skill(string name) => (ResourceKinds.Skills, name, new JObject { ["name"] = name });

    private static (ResourceKind, string, JObject) Code(string name, string description) =>
        (ResourceKinds.WrapupCodes, name, new JObject { ["name"] = name, ["division"] = "Home", ["description"] = description });

    [Test]
    public void LoadDesired_ValidFiles_ReturnsObjectsWithKindKeyAndSourceFile()
    {
        _folder.Write("state/dev/routing/skills/billing.json", "{\"name\": \"Billing\"}\n");
        _folder.Write("state/dev/routing/queues/billing-support.json", "{\"name\": \"Billing Support\", \"division\": \"Home\"}\n");

        var state = _store.LoadDesired("dev");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(state.Problems, Is.Empty);
            Assert.That(state.EnvironmentPath, Is.EqualTo("state/dev"));
            Assert.That(state.MappingsPath, Is.EqualTo("mappings/dev.json"));
            Assert.That(state.Objects.Select(o => (o.Kind.Name, o.Key, o.SourceFile)), Is.EqualTo(new[]
            {
                ("queues", "Billing Support", "routing/queues/billing-support.json"),
                ("skills", "Billing", "routing/skills/billing.json"),
            }));
            Assert.That(state.Objects.Select(state.PathOf), Is.EqualTo(new[]
            {
                "state/dev/routing/queues/billing-support.json",
                "state/dev/routing/skills/billing.json",
            }));
            Assert.That(state.Of(ResourceKinds.Skills).Select(o => o.Key), Is.EqualTo(new[] { "Billing" }));
            Assert.That(state.Objects.Select(o => o.Id), Has.All.Null);
        }
    }

    [Test]
    public void LoadDesired_File_KeepsItsContentAsBody()
    {
        _folder.Write("state/dev/routing/wrapupcodes/resolved.json", "{\"name\": \"Resolved\", \"division\": \"Home\", \"description\": \"{{x}}\"}");

        var item = _store.LoadDesired("dev").Objects.Single();

        Assert.That(item.Body.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""{"name":"Resolved","division":"Home","description":"{{x}}"}"""));
    }

    [Test]
    public void LoadDesired_MalformedJson_ReportsTheFileWithLineAndPosition()
    {
        _folder.Write("state/dev/routing/skills/billing.json", "{\n  \"name\": \"Billing\"\n  \"x\": 1\n}\n");
        _folder.Write("state/dev/routing/skills/welsh.json", "{\"name\": \"Welsh\"}");

        var state = _store.LoadDesired("dev");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(state.Problems, Has.Count.EqualTo(1));
            Assert.That(state.Problems[0].File, Is.EqualTo("state/dev/routing/skills/billing.json"));
            Assert.That(state.Problems[0].JsonPath, Is.EqualTo("$"));
            Assert.That(state.Problems[0].Message, Does.StartWith("malformed JSON at line 3, position 3"));
            Assert.That(state.Objects.Select(o => o.Key), Is.EqualTo(new[] { "Welsh" }));
        }
    }

    [TestCase("")]
    [TestCase("{\"name\": \"Billing\"")]
    [TestCase("{\"name\": \"Billing\"} {}")]
    [TestCase("{\"name\": \"Billing\",}")]
    [TestCase("{'name': 'Billing'}")]
    [TestCase("{name: \"Billing\"}")]
    [TestCase("{\"name\": \"Billing\"} // comment")]
    [TestCase("{\"name\": \"Billing\" /* comment */}")]
    [TestCase("{\"name\": \"Billing\"} /* c */ {\"name\": \"Other\"}")]
    public void LoadDesired_BrokenOrNonStrictJson_ReportsMalformed(string text)
    {
        _folder.Write("state/dev/routing/skills/billing.json", text);

        var state = _store.LoadDesired("dev");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(state.Problems.Select(p => p.File), Is.EqualTo(new[] { "state/dev/routing/skills/billing.json" }));
            Assert.That(state.Problems.Select(p => p.Message), Has.All.StartWith("malformed JSON at line "));
            Assert.That(state.Objects, Is.Empty);
        }
    }

    [TestCase("[]")]
    [TestCase("\"Billing\"")]
    [TestCase("42")]
    public void LoadDesired_JsonThatIsNotAnObject_ReportsExpectedObject(string text)
    {
        _folder.Write("state/dev/routing/skills/billing.json", text);

        var state = _store.LoadDesired("dev");

        Assert.That(state.Problems.Select(p => p.Message), Is.EqualTo(new[] { "expected a JSON object" }));
    }

    [TestCase("state/dev/routing/skill/billing.json")]
    [TestCase("state/dev/skills/billing.json")]
    [TestCase("state/dev/billing.json")]
    [TestCase("state/dev/routing/skills/nested/billing.json")]
    [TestCase("state/dev/Routing/Skills/billing.json")]
    public void LoadDesired_UnknownKindFolder_ReportsTheFileAndTheKnownFolders(string path)
    {
        _folder.Write(path, "{\"name\": \"Billing\"}");

        var state = _store.LoadDesired("dev");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(state.Problems.Select(p => p.File), Is.EqualTo(new[] { path }));
            Assert.That(state.Problems[0].Message, Does.StartWith("unknown kind folder").And.Contain("routing/skills").And.Contain("routing/queues"));
            Assert.That(state.Objects, Is.Empty);
        }
    }

    [TestCase("billing.yaml")]
    [TestCase("billing.json.bak")]
    [TestCase("billing")]
    [TestCase("billing.JSON")]
    public void LoadDesired_NonJsonFileInKindFolder_IsReported(string fileName)
    {
        _folder.Write("state/dev/routing/skills/" + fileName, "{\"name\": \"Billing\"}");

        var state = _store.LoadDesired("dev");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(state.Problems.Select(p => (p.File, p.Message)), Is.EqualTo(new[] { ("state/dev/routing/skills/" + fileName, "not a .json file") }));
            Assert.That(state.Objects, Is.Empty);
        }
    }

    [Test]
    public void LoadDesired_NonJsonFileOutsideTheKindFolders_IsSkippedAndListed()
    {
        _folder.Write("state/dev/README.md", "# Dev state");
        _folder.Write("state/dev/routing/notes.txt", "ask Sam about the outage line");
        _folder.Write("state/dev/routing/skills/billing.json", "{\"name\": \"Billing\"}");

        var state = _store.LoadDesired("dev");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(state.Problems, Is.Empty);
            Assert.That(state.Objects.Select(o => o.Key), Is.EqualTo(new[] { "Billing" }));
            Assert.That(state.Skipped.Select(s => s.File), Is.EqualTo(new[] { "state/dev/README.md", "state/dev/routing/notes.txt" }));
            Assert.That(state.Skipped[0].ToString(), Is.EqualTo("skipped state/dev/README.md: not a state file; only .json files in routing/skills, routing/languages, routing/wrapupcodes, architect/schedules, architect/schedulegroups, users, routing/queues, architect/flows are read"));
        }
    }

    [TestCase("{}")]
    [TestCase("{\"description\": \"no name\"}")]
    [TestCase("{\"name\": 42}")]
    [TestCase("{\"name\": null}")]
    [TestCase("{\"name\": {\"first\": \"Billing\"}}")]
    public void LoadDesired_MissingOrNonStringName_IsReportedAtName(string text)
    {
        _folder.Write("state/dev/routing/skills/billing.json", text);

        var state = _store.LoadDesired("dev");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(state.Problems.Select(p => (p.File, p.JsonPath)), Is.EqualTo(new[] { ("state/dev/routing/skills/billing.json", "$.name") }));
            Assert.That(state.Problems[0].Message, Does.Contain("name"));
            Assert.That(state.Objects, Is.Empty);
        }
    }

    [Test]
    public void LoadDesired_DotFiles_AreSkippedAndListedButAnEmptyGitkeep()
    {
        _folder.Write("state/dev/routing/skills/.gitkeep", string.Empty);
        _folder.Write("state/dev/routing/queues/.gitkeep", "not empty");
        _folder.Write("state/dev/routing/skills/.DS_Store", "\0\u0001binary");
        _folder.Write("state/dev/.editorconfig", "root = true");
        _folder.Write("state/dev/routing/skills/billing.json", "{\"name\": \"Billing\"}");

        var state = _store.LoadDesired("dev");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(state.Problems, Is.Empty);
            Assert.That(state.Objects.Select(o => o.Key), Is.EqualTo(new[] { "Billing" }));
            Assert.That(state.Skipped.Select(s => s.File), Is.EqualTo(new[]
            {
                "state/dev/.editorconfig",
                "state/dev/routing/queues/.gitkeep",
                "state/dev/routing/skills/.DS_Store",
            }));
            Assert.That(state.Skipped.Select(s => s.ToString()), Has.All.Contains("starts with '.' are not read"));
        }
    }

    [Test]
    public void LoadDesired_DotFolder_IsSkippedAsOneEntryCountingItsFiles()
    {
        _folder.Write("state/dev/routing/skills/.drafts/gas.json", "{\"name\": \"Gas\"}");
        _folder.Write("state/dev/routing/skills/.drafts/old/oil.json", "{\"name\": \"Oil\"}");
        _folder.Write("state/dev/routing/skills/billing.json", "{\"name\": \"Billing\"}");

        var state = _store.LoadDesired("dev");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(state.Problems, Is.Empty);
            Assert.That(state.Objects.Select(o => o.Key), Is.EqualTo(new[] { "Billing" }));
            Assert.That(state.Skipped.Select(s => s.ToString()), Is.EqualTo(new[]
            {
                "skipped state/dev/routing/skills/.drafts/: folders whose name starts with '.' are not read (2 files in it)",
            }));
        }
    }

    [Test]
    public void LoadDesired_MissingEnvironmentFolder_ReportsIt()
    {
        var state = _store.LoadDesired("prod");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(state.Problems.Select(p => (p.File, p.Message)), Is.EqualTo(new[] { ("state/prod", "environment folder does not exist") }));
            Assert.That(state.Objects, Is.Empty);
        }
    }

    [Test]
    public void LoadDesired_ManyProblems_ReportsEveryOneInFileOrder()
    {
        _folder.Write("state/dev/routing/skills/a.json", "{");
        _folder.Write("state/dev/routing/skills/b.txt", "x");
        _folder.Write("state/dev/routing/skills/c.json", "{}");
        _folder.Write("state/dev/routing/other/d.json", "{\"name\": \"D\"}");

        var state = _store.LoadDesired("dev");

        Assert.That(state.Problems.Select(p => p.File), Is.EqualTo(new[]
        {
            "state/dev/routing/other/d.json",
            "state/dev/routing/skills/a.json",
            "state/dev/routing/skills/b.txt",
            "state/dev/routing/skills/c.json",
        }));
    }

    [Test]
    public void LoadMappings_MissingFile_IsAProblemNamingTheFile()
    {
        var (mappings, problems) = _store.LoadMappings("dev");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(problems.Select(p => (p.File, p.JsonPath)), Is.EqualTo(new[] { ("mappings/dev.json", "$") }));
            Assert.That(problems[0].Message, Does.StartWith("the mappings file is missing"));
            Assert.That(mappings.References, Is.Empty);
        }
    }

    [Test]
    public void LoadMappings_FolderInPlaceOfTheFile_IsAProblem()
    {
        Directory.CreateDirectory(_folder.PathOf("mappings/dev.json"));

        var (_, problems) = _store.LoadMappings("dev");

        Assert.That(problems.Select(p => (p.File, p.Message)), Is.EqualTo(new[] { ("mappings/dev.json", "is a folder; the mappings file must be a JSON file") }));
    }

    [Test]
    public void LoadMappings_ValidFile_ReadsReferencesAndValues()
    {
        _folder.Write("mappings/dev.json", """{"references": {"divisions": {"Residential": "Residential (Dev)"}}, "values": {"emergencyLine": "0800"}}""");

        var (mappings, problems) = _store.LoadMappings("dev");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(problems, Is.Empty);
            Assert.That(mappings.Resolve("divisions", "Residential"), Is.EqualTo("Residential (Dev)"));
            Assert.That(mappings.Values["emergencyLine"], Is.EqualTo("0800"));
        }
    }

    [Test]
    public void LoadMappings_RealDevFile_Loads()
    {
        using var sample = StateFolder.WithSampleDev();

        var (mappings, problems) = new StateStore(sample.Root).LoadMappings("dev");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(problems, Is.Empty);
            Assert.That(mappings.Resolve("divisions", "Business"), Is.EqualTo("Business"));
            Assert.That(mappings.Values.Keys, Does.Contain("emergencyLine"));
        }
    }

    [Test]
    public void LoadMappings_MalformedFile_ReportsItWithLine()
    {
        _folder.Write("mappings/dev.json", "{\n  \"references\": {\n    \"divisions\": {\"Home\": \"Home\"\n}\n");

        var (mappings, problems) = _store.LoadMappings("dev");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(problems.Select(p => (p.File, p.JsonPath)), Is.EqualTo(new[] { ("mappings/dev.json", "$") }));
            Assert.That(problems[0].Message, Does.StartWith("malformed JSON at line "));
            Assert.That(mappings.References, Is.Empty);
        }
    }

    [TestCase("""{"references": {"divisions": ["Home"]}}""", "$.references.divisions", "expected an object mapping each symbolic name")]
    [TestCase("""{"values": {"a": {"b": 1}}}""", "$.values['a']", "expected a string")]
    [TestCase("""{"values": ["a"]}""", "$.values", "expected an object mapping each {{key}}")]
    [TestCase("""{"reference": {}}""", "$.reference", "unknown key 'reference'")]
    public void LoadMappings_WrongShape_NamesThePath(string text, string path, string message)
    {
        _folder.Write("mappings/dev.json", text);

        var (_, problems) = _store.LoadMappings("dev");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(problems.Select(p => (p.File, p.JsonPath)), Is.EqualTo(new[] { ("mappings/dev.json", path) }));
            Assert.That(problems[0].Message, Does.StartWith(message));
        }
    }

    [Test]
    public void LoadMappings_DuplicateKey_IsAProblemAtItsPath()
    {
        _folder.Write("mappings/dev.json", """{"references": {"divisions": {"Home": "Home", "Home": "Residential"}}}""");

        var (_, problems) = _store.LoadMappings("dev");

        Assert.That(problems.Select(p => (p.File, p.JsonPath)), Is.EqualTo(new[] { ("mappings/dev.json", "$.references.divisions.Home") }));
    }

    [TestCase("..")]
    [TestCase("dev/../../outside")]
    [TestCase("")]
    public void EnvironmentFolder_NotOneFolderName_IsRefused(string environment)
    {
        Assert.That(() => _store.EnvironmentFolder(environment), Throws.ArgumentException);
    }

    [Test]
    public void EnvironmentFolder_IsUnderStateInTheRoot()
    {
        Assert.That(_store.EnvironmentFolder("test"), Is.EqualTo(Path.Combine(Path.GetFullPath(_folder.Root), "state", "test")));
    }
}
