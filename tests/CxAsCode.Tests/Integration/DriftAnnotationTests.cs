using CxAsCode.Configuration;
using CxAsCode.Pipeline;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Integration;

/// <summary>The nightly drift check in GitHub Actions: one annotation per drifted object, at its state file.</summary>
[TestFixture]
[NonParallelizable]
internal sealed class DriftAnnotationTests : SandboxPipelineFixture
{
    [Test]
    public async Task DryRun_DetailedExitCodeInActions_AnnotatesEachDriftedObjectAtItsFile()
    {
        await PrepareAsync();
        await Sandbox.EditAsync("queues", "Billing Support", new JObject { ["description"] = "changed in the UI\n::error::injected" });
        using var output = new StringWriter();
        using var run = NewActionsRun(detailedExitCode: true, output);

        await PipelineDriver.PlanAsync(run);

        var annotations = output.ToString().Split('\n').Where(l => l.StartsWith("::warning", StringComparison.Ordinal)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(annotations, Has.Count.EqualTo(run.Plan!.Writes.Count()));
            Assert.That(annotations, Has.One.StartsWith("::warning file=state/dev/routing/queues/billing-support.json::Drift in dev: queues 'Billing Support' differs from state (update planned): description"));
            Assert.That(output.ToString(), Does.Not.Contain("\n::error::injected"));
        }
    }

    [Test]
    public async Task DryRun_WithoutDetailedExitCode_NoDriftAnnotations()
    {
        await PrepareAsync();
        await Sandbox.EditAsync("queues", "Billing Support", new JObject { ["description"] = "changed in the UI" });
        using var output = new StringWriter();
        using var run = NewActionsRun(detailedExitCode: false, output);

        await PipelineDriver.PlanAsync(run);

        Assert.That(output.ToString(), Does.Not.Contain("::warning"));
    }

    /// <summary>Deploys state/dev, so the only drift left is the test's own edit.</summary>
    private async Task PrepareAsync()
    {
        var (_, exitCode) = await Driver.RunAsync("Deploy");
        Assert.That(exitCode, Is.Zero);
        await SandboxHost.SettleAsync();
    }

    private PipelineRun NewActionsRun(bool detailedExitCode, TextWriter output)
    {
        var environment = new Dictionary<string, string?>(Sandbox.Environment) { ["GITHUB_ACTIONS"] = "true" };
        var options = new PipelineOptions { Target = "DryRun", Environment = "dev", RepositoryRoot = Repository.Root, DetailedExitCode = detailedExitCode };
        return PipelineRun.Create(options, name => environment.GetValueOrDefault(name), TimeProvider.System, output);
    }
}
