using CxAsCode.Pipeline;
using CxAsCode.Planning;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Integration;

/// <summary>
/// What the real platform does that a friendly emulator would not, end to end against the realistic sandbox:
/// wrap-up codes in all divisions, conditional group routing, ring member groups, server-defaulted fields,
/// and division moves through the divisions objects endpoint.
/// </summary>
[TestFixture]
[NonParallelizable]
internal sealed class PlatformShapesTests : SandboxPipelineFixture
{
    [Test]
    public async Task Sync_OrgWithThePlatformsShapes_ThenDryRunFindsNoChanges()
    {
        var sync = await SyncAsync();

        var (dryRun, exit) = await Driver.RunAsync("DryRun");

        var priority = File.ReadAllText(Repository.PathOf("state/dev/routing/queues/priority-services.json"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sync.Failure, Is.Null);
            Assert.That(exit, Is.Zero, Driver.Output.ToString());
            Assert.That(dryRun.Plan!.HasChanges, Is.False, Driver.Output.ToString());
            Assert.That(dryRun.Plan.Count(ChangeAction.Unmanaged), Is.Zero);
            Assert.That((string?)Read("state/dev/routing/wrapupcodes/vulnerability-flagged.json")["division"], Is.EqualTo("*"));
            Assert.That(priority, Does.Not.Contain("memberGroups").And.Not.Contain("conditionalGroupRouting"), "the org's own parts stay in the org");
            Assert.That(File.Exists(Repository.PathOf("state/dev/routing/skills/prepayment-meters.json")), Is.False, "an inactive skill never reaches state");
        }
    }

    [Test]
    public async Task Deploy_DescriptionOfAQueueWithGroupRoutingAndMemberGroups_SucceedsAndKeepsThem()
    {
        await SyncAsync();
        var before = LiveQueue(await Sandbox.StateAsync(), "Priority Services");
        var file = Repository.PathOf("state/dev/routing/queues/priority-services.json");
        var queue = JObject.Parse(File.ReadAllText(file));
        queue["description"] = "Customers on the Priority Services Register (reviewed)";
        File.WriteAllText(file, queue.ToString() + "\n");

        var (run, exit) = await Driver.RunAsync("Deploy");

        var after = LiveQueue(await Sandbox.StateAsync(), "Priority Services");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero, Driver.Output.ToString());
            Assert.That(run.Plan!.Writes.Select(e => (e.Key, string.Join(",", e.Changes.Select(c => c.Path)))), Is.EqualTo(new[] { ("Priority Services", "description") }));
            Assert.That((string?)after["description"], Is.EqualTo("Customers on the Priority Services Register (reviewed)"));
            Assert.That(JToken.DeepEquals(after["conditionalGroupRouting"], before["conditionalGroupRouting"]), Is.True, after.ToString());
            Assert.That(JToken.DeepEquals(after.SelectToken("bullseye.rings[1].memberGroups"), before.SelectToken("bullseye.rings[1].memberGroups")), Is.True);
        }
    }

    [Test]
    public async Task Deploy_QueueDivisionChanged_MovesItThroughTheObjectsEndpointThenPlansClean()
    {
        var state = await Sandbox.StateAsync();
        var business = (string)state["divisions"]!.Single(d => (string?)d["name"] == "Business")["id"]!;
        SetField("state/dev/routing/queues/complaints.json", "division", "Business");

        var (_, exit) = await Driver.RunAsync("Deploy");
        await SandboxHost.SettleAsync();
        var (again, _) = await Driver.RunAsync("DryRun");

        var moves = (await Sandbox.WritesAsync()).Where(w => ((string?)w["path"])!.StartsWith("/api/v2/authorization/divisions/", StringComparison.Ordinal)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero, Driver.Output.ToString());
            Assert.That(moves.Select(m => ((string?)m["method"], (string?)m["path"])), Is.EqualTo(new[] { ("POST", $"/api/v2/authorization/divisions/{business}/objects/QUEUE") }));
            Assert.That((string?)LiveQueue(await Sandbox.StateAsync(), "Complaints")["division"]!["name"], Is.EqualTo("Business"));
            Assert.That(again.Plan!.HasChanges, Is.False, Driver.Output.ToString());
        }
    }

    [Test]
    public async Task Deploy_FailureAfterADivisionMove_MovesTheQueueBack()
    {
        var (_, baseline) = await Driver.RunAsync("Deploy");
        Assert.That(baseline, Is.Zero);
        await SandboxHost.SettleAsync();
        var state = await Sandbox.StateAsync();
        var residential = (string)state["divisions"]!.Single(d => (string?)d["name"] == "Residential")["id"]!;
        var payments = (string)LiveQueue(state, "Payments")["id"]!;
        SetField("state/dev/routing/queues/complaints.json", "division", "Business");
        SetField("state/dev/routing/queues/payments.json", "description", "Fails");
        await Sandbox.ClearRequestsAsync();
        await Sandbox.FaultAsync(new JObject { ["method"] = "PUT", ["path"] = $"^/api/v2/routing/queues/{payments}$", ["status"] = 500 });

        var (run, exit) = await Driver.RunAsync("Deploy", o => new() { Target = o.Target, Environment = o.Environment, RepositoryRoot = o.RepositoryRoot, Parallelism = 1 });
        await SandboxHost.SettleAsync();

        var moves = (await Sandbox.WritesAsync()).Select(w => (string?)w["path"]).Where(p => p!.StartsWith("/api/v2/authorization/divisions/", StringComparison.Ordinal)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(3), Driver.Output.ToString());
            Assert.That(moves, Has.Count.EqualTo(2));
            Assert.That(moves.Last(), Is.EqualTo($"/api/v2/authorization/divisions/{residential}/objects/QUEUE"), "moved back");
            Assert.That((string?)LiveQueue(await Sandbox.StateAsync(), "Complaints")["division"]!["name"], Is.EqualTo("Residential"));
            Assert.That(run.Rollback!.IsComplete, Is.True);
        }
    }

    private async Task<PipelineRun> SyncAsync()
    {
        var run = Driver.NewRun("Sync", o => new() { Target = o.Target, Environment = o.Environment, RepositoryRoot = o.RepositoryRoot, Force = true }); // a temp folder, not a git clone
        await run.AuthAsync();
        await run.ExtractAsync();
        run.Normalize();
        run.SyncState();
        return run;
    }

    private JObject Read(string file) => JObject.Parse(File.ReadAllText(Repository.PathOf(file)));

    private void SetField(string file, string field, string value)
    {
        var json = Read(file);
        json[field] = value;
        File.WriteAllText(Repository.PathOf(file), json.ToString() + "\n");
    }

    private static JObject LiveQueue(JObject state, string name) =>
        (JObject)state["queues"]!.Single(q => (string?)q["name"] == name);
}
