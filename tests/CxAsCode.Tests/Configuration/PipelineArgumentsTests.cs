using CxAsCode.Configuration;

namespace CxAsCode.Tests.Configuration;

public sealed class PipelineArgumentsTests
{
    private string _root = null!;

    [SetUp]
    public void CreateRepository()
    {
        _root = Path.Combine(Path.GetTempPath(), "cxascode-args-" + Guid.NewGuid().ToString("N"));
        foreach (var environment in new[] { "dev", "test", "prod" })
        {
            Directory.CreateDirectory(Path.Combine(_root, "state", environment));
        }
    }

    [TearDown]
    public void DeleteRepository() => Directory.Delete(_root, recursive: true);

    [Test]
    public void Parse_NoArguments_TakesTheTablesDefaults()
    {
        var options = Parse();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.Target, Is.EqualTo("DryRun"));
            Assert.That(options.Environment, Is.EqualTo("dev"));
            Assert.That(options.RepositoryRoot, Is.EqualTo(_root));
            Assert.That(options.Prune, Is.False);
            Assert.That(options.Parallelism, Is.EqualTo(4));
            Assert.That(options.RequestsPerMinute, Is.EqualTo(300));
            Assert.That(options.MaxRetryAfterSeconds, Is.EqualTo(180));
            Assert.That(options.ConsistencyWindowSeconds, Is.EqualTo(60));
            Assert.That(options.SandboxPort, Is.EqualTo(8787));
            Assert.That(options.OutPath, Is.Null);
            Assert.That(options.Warnings, Is.Empty);
        }
    }

    [Test]
    public void Parse_EveryArgument_SetsItsOption()
    {
        var options = Parse(
            ("target", "Deploy"), ("env", "test"), ("out", "plan.json"), ("plan", "saved.json"), ("prune", null), ("detailed-exitcode", "true"),
            ("sandbox", "TRUE"), ("confirm", "prod"), ("journal", "j.jsonl"), ("commit", null), ("force", "true"), ("parallelism", "2"),
            ("rate-limit", "60"), ("max-retry-after", "0"), ("consistency-window", "5"), ("port", "0"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.Target, Is.EqualTo("Deploy"));
            Assert.That(options.Environment, Is.EqualTo("test"));
            Assert.That(options.OutPath, Is.EqualTo("plan.json"));
            Assert.That(options.PlanPath, Is.EqualTo("saved.json"));
            Assert.That(options.Prune, Is.True);
            Assert.That(options.DetailedExitCode, Is.True);
            Assert.That(options.UseSandbox, Is.True);
            Assert.That(options.Confirm, Is.EqualTo("prod"));
            Assert.That(options.JournalPath, Is.EqualTo("j.jsonl"));
            Assert.That(options.Commit, Is.True);
            Assert.That(options.Force, Is.True);
            Assert.That(options.Parallelism, Is.EqualTo(2));
            Assert.That(options.RequestsPerMinute, Is.EqualTo(60));
            Assert.That(options.MaxRetryAfterSeconds, Is.Zero);
            Assert.That(options.ConsistencyWindowSeconds, Is.EqualTo(5));
            Assert.That(options.SandboxPort, Is.Zero);
        }
    }

    [Test]
    public void Parse_FlagFalse_TurnsItOff() =>
        Assert.That(Parse(("prune", "false")).Prune, Is.False);

    [TestCase("off")]
    [TestCase("no")]
    [TestCase("0")]
    [TestCase("yes")]
    [TestCase("")]
    public void Parse_FlagWithAnotherValue_ThrowsNamingIt(string value) =>
        Assert.That(
            () => Parse(("prune", value)),
            Throws.TypeOf<ConfigurationException>().With.Message.StartsWith("--prune takes no value, true or false").And.Message.Contains($"(got '{value}')"));

    [TestCase("enviroment", "did you mean --env?")]
    [TestCase("environment", "did you mean --env?")]
    [TestCase("prunee", "did you mean --prune?")]
    [TestCase("parallel", "did you mean --parallelism?")]
    [TestCase("ratelimit", "did you mean --rate-limit?")]
    [TestCase("verbose", "did you mean --verbosity?")]
    [TestCase("deploy", "did you mean --target=Deploy?")]
    [TestCase("dry-run", "did you mean --target=DryRun?")]
    public void Parse_UnknownArgument_NamesTheNearestKnownOne(string name, string hint) =>
        Assert.That(
            () => Parse((name, "x")),
            Throws.TypeOf<ConfigurationException>().With.Message.EqualTo($"Unknown argument --{name}; {hint} ./build.sh --help lists the arguments."));

    [Test]
    public void Parse_UnknownArgumentLikeNoOther_PointsToHelp() =>
        Assert.That(
            () => Parse(("zzzzzz", null)),
            Throws.TypeOf<ConfigurationException>().With.Message.EqualTo("Unknown argument --zzzzzz. ./build.sh --help lists the arguments."));

    [TestCase("parallelism", "0", "--parallelism must be at least 1 (got 0).")]
    [TestCase("rate-limit", "-1", "--rate-limit must be at least 1 (got -1).")]
    [TestCase("max-retry-after", "-1", "--max-retry-after must be at least 0 (got -1).")]
    [TestCase("consistency-window", "-5", "--consistency-window must be at least 0 (got -5).")]
    [TestCase("port", "65536", "--port must be from 0 to 65535 (got 65536).")]
    [TestCase("port", "-1", "--port must be from 0 to 65535 (got -1).")]
    public void Parse_NumberOutOfRange_ThrowsNamingTheArgumentAndRange(string name, string value, string message) =>
        Assert.That(() => Parse((name, value)), Throws.TypeOf<ConfigurationException>().With.Message.EqualTo(message));

    [TestCase("four")]
    [TestCase("4.5")]
    [TestCase("99999999999")]
    [TestCase("0x10")]
    public void Parse_NumberNotAWholeNumber_ThrowsNamingTheArgument(string value) =>
        Assert.That(
            () => Parse(("parallelism", value)),
            Throws.TypeOf<ConfigurationException>().With.Message.EqualTo($"--parallelism takes a whole number, at least 1 (got '{value}')."));

    [TestCase("env", null, "--env needs a value: --env=<name>.")]
    [TestCase("env", "", "--env needs a value: --env=<name>.")]
    [TestCase("out", "  ", "--out needs a value: --out=<file>.")]
    [TestCase("target", null, "--target needs a value: --target=<name>.")]
    [TestCase("parallelism", "", "--parallelism needs a value: --parallelism=<n>, a whole number, at least 1.")]
    public void Parse_ValueMissing_ThrowsNamingTheArgument(string name, string? value, string message) =>
        Assert.That(() => Parse((name, value)), Throws.TypeOf<ConfigurationException>().With.Message.EqualTo(message));

    [Test]
    public void Parse_ArgumentGivenTwice_Throws()
    {
        var arguments = new Dictionary<string, ICollection<string>>(StringComparer.OrdinalIgnoreCase) { ["env"] = ["dev", "test"] };

        Assert.That(
            () => PipelineArguments.Parse(arguments, _root),
            Throws.TypeOf<ConfigurationException>().With.Message.EqualTo("--env was given 2 times ('dev', 'test'); give it once."));
    }

    [TestCase("invalidate-script-cache", "True")]
    [TestCase("Settings_NoReport", "True")]
    [TestCase("settings_skipverification", "true")]
    public void Parse_ArgumentCakeOwns_IsLetThrough(string name, string value) =>
        Assert.That(Parse((name, value)).Target, Is.EqualTo("DryRun"));

    [TestCase("deploy", "Deploy")]
    [TestCase("DRYRUN", "DryRun")]
    public void Parse_TargetInAnyCase_IsTheTargetsName(string given, string expected) =>
        Assert.That(Parse(("target", given)).Target, Is.EqualTo(expected));

    [Test]
    public void Parse_ArgumentNameInAnyCase_IsAccepted() =>
        Assert.That(Parse(("Env", "test")).Environment, Is.EqualTo("test"));

    [Test]
    public void Parse_UnknownTarget_ListsTheTargetsAndTheNearest() =>
        Assert.That(
            () => Parse(("target", "Deplyo")),
            Throws.TypeOf<ConfigurationException>().With.Message.StartsWith("--target must be one of: Auth, Extract,").And.Message.EndsWith("(got 'Deplyo'); did you mean Deploy?"));

    [Test]
    public void Parse_EnvironmentNotUnderState_Throws() =>
        Assert.That(
            () => Parse(("env", "staging")),
            Throws.TypeOf<ConfigurationException>().With.Message.StartsWith("--env must be one of the folders under state/: dev, prod, test"));

    [Test]
    public void Parse_ExclusiveForATargetWithDependencies_Throws() =>
        Assert.That(
            () => PipelineArguments.Parse(Arguments(("target", "Deploy")), _root, exclusive: true),
            Throws.TypeOf<ConfigurationException>().With.Message.EqualTo("--exclusive would run Deploy without DryRun, Validate, Normalize, Extract, Auth, which produce what it needs: leave --exclusive out."));

    [Test]
    public void Parse_ExclusiveForATargetWithoutDependencies_IsAllowed() =>
        Assert.That(PipelineArguments.Parse(Arguments(("target", "Auth")), _root, exclusive: true).Target, Is.EqualTo("Auth"));

    [Test]
    public void Parse_ArgumentTheTargetDoesNotRead_Warns() =>
        Assert.That(
            Parse(("target", "DryRun"), ("journal", "j.jsonl")).Warnings,
            Is.EqualTo(new[] { "--journal has no effect on DryRun; it is read by Rollback." }));

    [Test]
    public void Parse_HostileValue_IsShownShortAndWithoutControlCharacters() =>
        Assert.That(
            () => Parse(("parallelism", "1\n::error::" + new string('x', 100))),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("(got '1?::error::xxxxxxxxxxxxxxxxxxxxxxxxxxxxx')"));

    [Test]
    public void Parse_TargetALoadingScriptAdds_AcceptedWithoutWarnings()
    {
        var options = PipelineArguments.Parse(Arguments(("target", "smoketest"), ("env", "test")), _root, ownTargets: ["Package", "SmokeTest"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.Target, Is.EqualTo("SmokeTest"));
            Assert.That(options.Environment, Is.EqualTo("test"));
            Assert.That(options.Warnings, Is.Empty);
        }
    }

    [Test]
    public void Parse_UnknownTargetWithOwnTargets_SuggestsAmongBoth() =>
        Assert.That(
            () => PipelineArguments.Parse(Arguments(("target", "SmokeTets")), _root, ownTargets: ["SmokeTest"]),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("did you mean SmokeTest?"));

    private PipelineOptions Parse(params (string Name, string? Value)[] arguments) => PipelineArguments.Parse(Arguments(arguments), _root);

    /// <summary>As Cake hands them over: case-insensitive names, a null value for a name given alone.</summary>
    private static Dictionary<string, ICollection<string>> Arguments(params (string Name, string? Value)[] arguments) =>
        arguments.ToDictionary(a => a.Name, a => (ICollection<string>)[a.Value!], StringComparer.OrdinalIgnoreCase);
}
