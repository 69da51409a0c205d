using CxAsCode.Configuration;
using CxAsCode.Pipeline;
using CxAsCode.Tests.Integration;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Pipeline;

/// <summary>Promote: state copied across environments, validated against the target's mappings before a file changes.</summary>
public sealed class PromoteTests
{
    private TestRepository _repository = null!;
    private StringWriter _output = null!;

    [SetUp]
    public void CopyRepository()
    {
        _repository = new TestRepository();
        _output = new StringWriter();
    }

    [TearDown]
    public void DropRepository()
    {
        _output.Dispose();
        _repository.Dispose();
    }

    [Test]
    public void Promote_Everything_TargetHoldsTheSourceFilesAndKeepsItsMappings()
    {
        SetDescription("state/dev/routing/queues/payments.json", "Promoted from dev");
        _repository.Write("state/dev/routing/skills/gas-safety.json", "{\n  \"name\": \"Gas Safety\"\n}\n");
        _repository.Write("state/test/routing/skills/test-only.json", "{\n  \"name\": \"Test Only\"\n}\n");
        var mappingsBefore = File.ReadAllText(_repository.PathOf("mappings/test.json"));

        Promote(from: "dev", to: "test");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Files("state/test"), Is.EqualTo(Files("state/dev")));
            Assert.That(File.ReadAllText(_repository.PathOf("mappings/test.json")), Is.EqualTo(mappingsBefore));
            Assert.That(_output.ToString(), Does.Contain("added   state/test/routing/skills/gas-safety.json"));
            Assert.That(_output.ToString(), Does.Contain("updated state/test/routing/queues/payments.json"));
            Assert.That(_output.ToString(), Does.Contain("removed state/test/routing/skills/test-only.json"));
            Assert.That(_output.ToString(), Does.Contain("Promote dev → test: 1 added, 1 updated, 1 removed"));
        }
    }

    [Test]
    public void Promote_Only_CopiesJustThoseObjects()
    {
        SetDescription("state/dev/routing/queues/payments.json", "Promoted from dev");
        SetDescription("state/dev/routing/queues/complaints.json", "Not promoted");
        _repository.Write("state/test/routing/skills/test-only.json", "{\n  \"name\": \"Test Only\"\n}\n");

        Promote(from: "dev", to: "test", only: ["queues/payments"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Description("state/test/routing/queues/payments.json"), Is.EqualTo("Promoted from dev"));
            Assert.That(Description("state/test/routing/queues/complaints.json"), Is.Not.EqualTo("Not promoted"));
            Assert.That(File.Exists(_repository.PathOf("state/test/routing/skills/test-only.json")), Is.True, "--only removes nothing else");
        }
    }

    [Test]
    public void Promote_SubstitutionTheTargetDoesNotMap_RefusedNamingFileAndPathBeforeAnyFileChanges()
    {
        SetDescription("state/dev/routing/queues/payments.json", "Call {{paymentsLine}}");
        var mappings = JObject.Parse(File.ReadAllText(_repository.PathOf("mappings/dev.json")));
        mappings["values"]!["paymentsLine"] = "0800 000 0303";
        File.WriteAllText(_repository.PathOf("mappings/dev.json"), mappings.ToString());
        var before = Files("state/test");

        var failure = Assert.Throws<ValidationFailedException>(() => Promote(from: "dev", to: "test"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failure!.Message, Does.Contain("nothing was copied"));
            Assert.That(_output.ToString(), Does.Contain("state/test/routing/queues/payments.json $.description: no value for '{{paymentsLine}}'"));
            Assert.That(Files("state/test"), Is.EqualTo(before));
        }
    }

    [TestCase("queue/Payments", "'queue' is not a kind")]
    [TestCase("queues/Nope", "has no queues named 'Nope'")]
    public void Promote_OnlyNamingNothing_ConfigurationError(string only, string message) =>
        Assert.That(() => Promote(from: "dev", to: "test", only: [only]), Throws.TypeOf<ConfigurationException>().With.Message.Contains(message));

    [Test]
    public void Promote_SameEnvironmentTwice_Refused() =>
        Assert.That(() => Promote(from: "dev", to: "dev"), Throws.TypeOf<ConfigurationException>().With.Message.Contains("both 'dev'"));

    private void Promote(string from, string to, IReadOnlyList<string>? only = null)
    {
        var options = new PipelineOptions { Target = "Promote", RepositoryRoot = _repository.Root, From = from, To = to, Only = only ?? [] };
        using var run = PipelineRun.Create(options, _ => null, TimeProvider.System, _output);
        run.Promote();
    }

    private void SetDescription(string file, string description)
    {
        var json = JObject.Parse(File.ReadAllText(_repository.PathOf(file)));
        json["description"] = description;
        File.WriteAllText(_repository.PathOf(file), json.ToString() + "\n");
    }

    private string? Description(string file) => (string?)JObject.Parse(File.ReadAllText(_repository.PathOf(file)))["description"];

    /// <summary>Relative path → content of every file under a folder.</summary>
    private Dictionary<string, string> Files(string folder)
    {
        var root = _repository.PathOf(folder);
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText);
    }
}
