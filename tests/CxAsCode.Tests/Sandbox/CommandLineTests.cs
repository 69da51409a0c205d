using CxAsCode.Sandbox.Hosting;

namespace CxAsCode.Tests.Sandbox;

public sealed class CommandLineTests
{
    [Test]
    public void Parse_NoArguments_UsesDocumentedDefaults()
    {
        var options = CommandLine.Parse([], out var error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error, Is.Null);
            Assert.That(options?.Port, Is.EqualTo(8787));
            Assert.That(options?.DataDir, Is.EqualTo(".sandbox"));
            Assert.That(options?.Seed, Is.EqualTo("default"));
            Assert.That(options?.RequestsPerMinute, Is.EqualTo(300));
            Assert.That(options?.Reset, Is.False);
            Assert.That(options?.ParentPid, Is.Null);
            Assert.That(options?.Realism is { Validation: true, ServerDefaults: true, PlatformDivisions: true, QueueRules: true }, Is.True, "the command line behaves like the real platform unless told otherwise");
            Assert.That(options?.Realism.Consistency.ListLag, Is.EqualTo(TimeSpan.FromSeconds(5)));
        }
    }

    [Test]
    public void Parse_RealismOn_TurnsOnEveryRuleWithRealisticLags()
    {
        var options = CommandLine.Parse(["--realism", "on"], out var error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error, Is.Null);
            Assert.That(options?.Realism is { Validation: true, ServerDefaults: true, PlatformDivisions: true, QueueRules: true }, Is.True);
            Assert.That(options?.Realism.Consistency.ListLag, Is.EqualTo(TimeSpan.FromSeconds(5)));
            Assert.That(options?.Realism.Consistency.QueueDeleteLinger, Is.EqualTo(TimeSpan.FromSeconds(60)));
        }
    }

    [TestCase("--list-lag", "2.5", "--realism", "on")]
    [TestCase("--realism=on", "--list-lag=2.5")]
    public void Parse_LagWithRealism_OverridesThePresetInAnyOrder(params string[] args)
    {
        var options = CommandLine.Parse(args, out var error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error, Is.Null);
            Assert.That(options?.Realism.Consistency.ListLag, Is.EqualTo(TimeSpan.FromSeconds(2.5)));
            Assert.That(options?.Realism.Consistency.GetLag, Is.EqualTo(TimeSpan.FromSeconds(2)));
        }
    }

    [Test]
    public void Parse_EveryLagOption_SetsItWithRealismOff()
    {
        var options = CommandLine.Parse(["--realism", "off", "--list-lag", "1", "--get-lag", "0.5", "--queue-delete-linger", "30", "--deleted-skill-listed", "10"], out var error);
        var lags = options?.Realism.Consistency;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error, Is.Null);
            Assert.That((lags?.ListLag, lags?.GetLag, lags?.QueueDeleteLinger, lags?.DeletedSkillListed), Is.EqualTo((
                (TimeSpan?)TimeSpan.FromSeconds(1), (TimeSpan?)TimeSpan.FromSeconds(0.5), (TimeSpan?)TimeSpan.FromSeconds(30), (TimeSpan?)TimeSpan.FromSeconds(10))));
            Assert.That(options?.Realism.AnyRules, Is.False);
        }
    }

    [Test]
    public void Parse_JobTime_SetsHowLongArchitectJobsTake()
    {
        var options = CommandLine.Parse(["--job-time", "0.3"], out var error);

        Assert.That((error, options?.ArchitectJobTime), Is.EqualTo(((string?)null, (TimeSpan?)TimeSpan.FromSeconds(0.3))));
    }

    [Test]
    public void Parse_EveryOption_SetsIt()
    {
        var options = CommandLine.Parse(
            ["--port", "0", "--data-dir=/tmp/x", "--seed", "empty", "--reset", "--rate-limit", "0", "--parent-pid", "42"], out var error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error, Is.Null);
            Assert.That(options?.Port, Is.Zero);
            Assert.That(options?.DataDir, Is.EqualTo("/tmp/x"));
            Assert.That(options?.Seed, Is.EqualTo("empty"));
            Assert.That(options?.Reset, Is.True);
            Assert.That(options?.RequestsPerMinute, Is.Zero);
            Assert.That(options?.ParentPid, Is.EqualTo(42));
        }
    }

    [TestCase("--port", "70000")]
    [TestCase("--seed", "huge")]
    [TestCase("--rate-limit", "-1")]
    [TestCase("--port")]
    [TestCase("--bogus")]
    [TestCase("--realism", "maybe")]
    [TestCase("--list-lag", "-1")]
    [TestCase("--get-lag", "soon")]
    public void Parse_BadArgument_ReturnsError(params string[] args)
    {
        var options = CommandLine.Parse(args, out var error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(options, Is.Null);
            Assert.That(error, Is.Not.Null.And.Not.Empty);
        }
    }

    [Test]
    public void Parse_Help_ReturnsNoOptionsAndNoError()
    {
        var options = CommandLine.Parse(["--help"], out var error);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(options, Is.Null);
            Assert.That(error, Is.Null);
        }
    }
}
