using CxAsCode.Configuration;
using CxAsCode.Pipeline;
using CxAsCode.Tests.Integration;

namespace CxAsCode.Tests.Pipeline;

/// <summary>The run's own bookkeeping: what it prints, reports and exits with, without an org.</summary>
public sealed class PipelineRunTests
{
    private TestRepository _repository = null!;
    private StringWriter _output = null!;
    private Dictionary<string, string?> _environment = null!;

    [SetUp]
    public void SetUp()
    {
        _repository = new TestRepository();
        _output = new StringWriter();
        _environment = [];
    }

    [TearDown]
    public void TearDown()
    {
        _output.Dispose();
        _repository.Dispose();
    }

    [Test]
    public void Finish_NoTaskRan_WritesNoReportAndExitsZero()
    {
        // Cake's --dryrun runs Setup and Teardown and no task body.
        using var run = Run("Deploy");

        var exitCode = run.Finish(null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.Zero);
            Assert.That(Directory.Exists(_repository.PathOf("artifacts")), Is.False);
            Assert.That(_output.ToString(), Is.Empty);
        }
    }

    [TestCase("Help")]
    [TestCase("Sandbox")]
    public void Finish_Tool_WritesNoReport(string target)
    {
        using var run = Run(target);

        var exitCode = run.Finish(null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.Zero);
            Assert.That(Directory.Exists(_repository.PathOf("artifacts")), Is.False);
        }
    }

    [Test]
    public void EndTaskThenFinish_Failure_ReasonPrintedOnceOutcomeAnnotatedReportWritten()
    {
        _environment["GITHUB_ACTIONS"] = "true";
        using var run = Run("Rollback");
        var failure = new ConfigurationException("No journal at x.jsonl.");

        run.BeginTask("Rollback");
        run.EndTask(failure);
        var exitCode = run.Finish(failure);

        var output = _output.ToString();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.EqualTo(1));
            Assert.That(run.Outcome, Is.EqualTo("No journal at x.jsonl."));
            Assert.That(output, Does.StartWith("::group::Rollback\nError: No journal at x.jsonl.\n::endgroup::\n::error::No journal at x.jsonl.\nReport: artifacts/dev/"));
            Assert.That(output.Split("Error: ").Length - 1, Is.EqualTo(1), "the reason once");
            Assert.That(Directory.EnumerateFiles(_repository.PathOf("artifacts"), "report.md", SearchOption.AllDirectories), Is.Not.Empty);
        }
    }

    [Test]
    public void Create_ArgumentWarnings_PrintedAndKeptForTheReport()
    {
        using var run = PipelineRun.Create(
            new PipelineOptions { RepositoryRoot = _repository.Root, Target = "DryRun", Warnings = ["--journal has no effect on DryRun; it is read by Rollback."] },
            name => _environment.GetValueOrDefault(name),
            TimeProvider.System,
            _output);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_output.ToString(), Is.EqualTo("Warning: --journal has no effect on DryRun; it is read by Rollback.\n"));
            Assert.That(run.Warnings, Is.EqualTo(new[] { "--journal has no effect on DryRun; it is read by Rollback." }));
        }
    }

    private PipelineRun Run(string target) =>
        PipelineRun.Create(new PipelineOptions { RepositoryRoot = _repository.Root, Target = target }, name => _environment.GetValueOrDefault(name), TimeProvider.System, _output);
}
