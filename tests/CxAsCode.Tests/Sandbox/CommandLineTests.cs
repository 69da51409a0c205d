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
        }
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
