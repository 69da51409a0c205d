using CxAsCode.Configuration;
using CxAsCode.Pipeline;
using CxAsCode.Planning;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Integration;

/// <summary>Promote dev → test, then DryRun --env=test against the org test deploys to: the plan is exactly the promoted change.</summary>
[TestFixture]
[NonParallelizable]
internal sealed class PromoteThenDryRunTests : SandboxPipelineFixture
{
    [Test]
    public async Task Promote_ThenDryRunOfTarget_PlansExactlyThePromotedChange()
    {
        var (_, deployed) = await Driver.RunAsync("Deploy", o => WithEnvironment(o, "test"));
        Assert.That(deployed, Is.Zero);
        await SandboxHost.SettleAsync(); // the platform shows a write everywhere a moment later

        var file = Repository.PathOf("state/dev/routing/queues/payments.json");
        var payments = JObject.Parse(File.ReadAllText(file));
        payments["description"] = "Promoted from dev";
        File.WriteAllText(file, payments.ToString() + "\n");

        using (var promote = PipelineRun.Create(new PipelineOptions { Target = "Promote", RepositoryRoot = Repository.Root, From = "dev", To = "test" }, _ => null, TimeProvider.System, Driver.Output))
        {
            promote.Promote();
        }

        var (run, exitCode) = await Driver.RunAsync("DryRun", o => WithEnvironment(o, "test"));

        var change = run.Plan!.Writes.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.Zero);
            Assert.That((change.Kind, change.Key, change.Action), Is.EqualTo(("queues", "Payments", ChangeAction.Update)));
            Assert.That(change.Changes.Select(c => (c.Path, (string?)c.After)), Is.EqualTo(new[] { ("description", (string?)"Promoted from dev") }));
        }
    }

    private static PipelineOptions WithEnvironment(PipelineOptions options, string environment) =>
        new()
        {
            Target = options.Target,
            Environment = environment,
            RepositoryRoot = options.RepositoryRoot,
            Parallelism = options.Parallelism,
        };
}
