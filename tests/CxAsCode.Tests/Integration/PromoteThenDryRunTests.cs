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

    [Test]
    public async Task PromoteOneUser_ThenDryRunOfTarget_PlansItsSkillChangeByName()
    {
        var (_, deployed) = await Driver.RunAsync("Deploy", o => WithEnvironment(o, "test"));
        Assert.That(deployed, Is.Zero);
        await SandboxHost.SettleAsync();

        var file = Repository.PathOf("state/dev/users/priya.shah@northwind-energy.example.json");
        var priya = JObject.Parse(File.ReadAllText(file));
        priya["skills"]![0]!["proficiency"] = 5;
        File.WriteAllText(file, priya.ToString() + "\n");

        using (var promote = PipelineRun.Create(new PipelineOptions { Target = "Promote", RepositoryRoot = Repository.Root, From = "dev", To = "test", Only = ["users/priya.shah@northwind-energy.example"] }, _ => null, TimeProvider.System, Driver.Output))
        {
            promote.Promote();
        }

        var (run, exitCode) = await Driver.RunAsync("DryRun", o => WithEnvironment(o, "test"));

        var change = run.Plan!.Writes.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.Zero);
            Assert.That((change.Kind, change.Key, change.Action), Is.EqualTo(("users", "priya.shah@northwind-energy.example", ChangeAction.Update)));
            Assert.That(change.Changes.Select(c => $"{c.Path}: {c.Before} → {c.After}"), Is.EqualTo(new[] { "skills.Billing: 4 → 5" }));
        }
    }

    [Test]
    public async Task PromoteOneFlow_ThenDryRunOfTarget_PlansThatFlowsChangeByPath()
    {
        var (_, deployed) = await Driver.RunAsync("Deploy", o => WithEnvironment(o, "test"));
        Assert.That(deployed, Is.Zero);
        await SandboxHost.SettleAsync();
        const string Flow = "state/dev/architect/flows/inboundCall/dr-emergency-ivr/flow.yaml";
        File.WriteAllText(Repository.PathOf(Flow), File.ReadAllText(Repository.PathOf(Flow)).Replace("name: Solar Sales\n", "name: Outage Line\n", StringComparison.Ordinal));

        using (var promote = PipelineRun.Create(new PipelineOptions { Target = "Promote", RepositoryRoot = Repository.Root, From = "dev", To = "test", Only = ["flows/inboundCall/DR-Emergency-IVR"] }, _ => null, TimeProvider.System, Driver.Output))
        {
            promote.Promote();
        }

        var (run, exitCode) = await Driver.RunAsync("DryRun", o => WithEnvironment(o, "test"));

        var change = run.Plan!.Writes.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.Zero, Driver.Output.ToString());
            Assert.That(File.ReadAllText(Repository.PathOf(Flow.Replace("/dev/", "/test/", StringComparison.Ordinal))), Is.EqualTo(File.ReadAllText(Repository.PathOf(Flow))));
            Assert.That((change.Kind, change.Key, change.Action), Is.EqualTo(("flows", "inboundCall/DR-Emergency-IVR", ChangeAction.Update)));
            Assert.That(change.Changes.Select(c => (c.Path, (string?)c.Before, (string?)c.After)), Is.EqualTo(new[]
            {
                ("flow: menu \"Main Menu\" → menuTask \"Brokerage\" → task → transferToAcd \"Transfer to ACD\" → targetQueue", (string?)"Solar Sales", (string?)"Outage Line"),
            }));
        }
    }

    [Test]
    public void PromoteFlow_KeyTheTargetsMappingsLack_NamedWithFileAndLineNothingCopied()
    {
        const string Flow = "state/dev/architect/flows/inboundCall/dr-emergency-ivr/flow.yaml";
        var text = File.ReadAllText(Repository.PathOf(Flow)).Replace("{{ivr_callback}}", "{{ivr_callback_dev_only}}", StringComparison.Ordinal);
        File.WriteAllText(Repository.PathOf(Flow), text);
        var mappings = JObject.Parse(File.ReadAllText(Repository.PathOf("mappings/dev.json")));
        mappings["values"]!["ivr_callback_dev_only"] = "Only dev has this";
        File.WriteAllText(Repository.PathOf("mappings/dev.json"), mappings.ToString() + "\n");
        var before = File.ReadAllText(Repository.PathOf(Flow.Replace("/dev/", "/test/", StringComparison.Ordinal)));
        var line = text[..text.IndexOf("{{ivr_callback_dev_only}}", StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        using var promote = PipelineRun.Create(new PipelineOptions { Target = "Promote", RepositoryRoot = Repository.Root, From = "dev", To = "test" }, _ => null, TimeProvider.System, Driver.Output);
        Assert.Throws<ValidationFailedException>(promote.Promote);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(promote.ValidationErrors.Select(e => e.ToString()), Has.Some.StartsWith($"state/test/architect/flows/inboundCall/dr-emergency-ivr/flow.yaml line {line}, column ").And.Contains("{{ivr_callback_dev_only}} has no value"));
            Assert.That(File.ReadAllText(Repository.PathOf(Flow.Replace("/dev/", "/test/", StringComparison.Ordinal))), Is.EqualTo(before), "nothing copied");
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
