using CxAsCode.Configuration;
using CxAsCode.Pipeline;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Integration;

/// <summary>
/// Queue details the platform insists on, end to end against the realistic sandbox: a ring's member groups
/// are emptied before the ring goes, and undone in order.
/// </summary>
[TestFixture]
[NonParallelizable]
internal sealed class QueueDetailsTests : SandboxPipelineFixture
{
    private const string PriorityServices = "state/dev/routing/queues/priority-services.json";

    [Test]
    public async Task Deploy_BullseyeWhoseRingHasMemberGroupsDropped_EmptiesThemInAFirstPutThenDropsIt()
    {
        await SyncAsync();
        var id = (string)LiveQueue(await Sandbox.StateAsync(), "Priority Services")["id"]!;
        Edit(PriorityServices, q => q.Remove("bullseye"));
        await Sandbox.ClearRequestsAsync();

        var (_, exit) = await Driver.RunAsync("Deploy");
        await SandboxHost.SettleAsync();
        var (again, _) = await Driver.RunAsync("DryRun");

        var puts = (await Sandbox.WritesAsync())
            .Where(w => (string?)w["method"] == "PUT" && (string?)w["path"] == $"/api/v2/routing/queues/{id}")
            .Select(w => JObject.Parse((string)w["body"]!))
            .ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero, Driver.Output.ToString());
            Assert.That(puts, Has.Count.EqualTo(2), "one PUT empties the member groups, the next drops the rings");
            Assert.That(puts[0].SelectToken("bullseye.rings[1].memberGroups"), Is.EqualTo(new JArray()).Using<JToken>(JToken.DeepEquals), puts[0].ToString());
            Assert.That(puts[1]["bullseye"], Is.Null);
            Assert.That(LiveQueue(await Sandbox.StateAsync(), "Priority Services")["bullseye"]?["rings"]?.Count() ?? 0, Is.Zero);
            Assert.That(again.Plan!.HasChanges, Is.False, Driver.Output.ToString());
        }
    }

    [Test]
    public async Task Deploy_FailureAfterDroppingARingWithMemberGroups_PutsRingsAndGroupsBack()
    {
        await SyncAsync();
        var before = await Sandbox.ComparableStateAsync();
        var solar = (string)LiveQueue(await Sandbox.StateAsync(), "Solar Sales")["id"]!;
        Edit(PriorityServices, q => q.Remove("bullseye"));
        Edit("state/dev/routing/queues/solar-sales.json", q => q["description"] = "Fails");
        await Sandbox.FaultAsync(new JObject { ["method"] = "PUT", ["path"] = $"^/api/v2/routing/queues/{solar}$", ["status"] = 500 });

        var (run, exit) = await Driver.RunAsync("Deploy", o => new PipelineOptions { Target = o.Target, Environment = o.Environment, RepositoryRoot = o.RepositoryRoot, Parallelism = 1 });
        await SandboxHost.SettleAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(3), Driver.Output.ToString());
            Assert.That(run.Rollback!.IsComplete, Is.True, Driver.Output.ToString());
            Assert.That(await Sandbox.ComparableStateAsync(), Is.EqualTo(before).Using<JToken>(JToken.DeepEquals), "rings and member groups are back");
        }
    }

    [Test]
    public async Task Deploy_PrunedQueueWithConversationsInProgress_RefusedClearlyThenDeletedOnlyWithForceDelete()
    {
        await SyncAsync();
        await Sandbox.OutOfBandAsync(new JObject { ["kind"] = "queues", ["name"] = "Outage Line", ["activeConversations"] = true });
        File.Delete(Repository.PathOf("state/dev/routing/queues/outage-line.json"));
        PipelineOptions Pruning(PipelineOptions o, bool force) => new() { Target = o.Target, Environment = o.Environment, RepositoryRoot = o.RepositoryRoot, Prune = true, ForceDelete = force };

        var (refused, refusedExit) = await Driver.RunAsync("Deploy", o => Pruning(o, force: false));
        var refusedText = Driver.Output.ToString();
        var (forced, forcedExit) = await Driver.RunAsync("Deploy", o => Pruning(o, force: true));

        var deletes = (await Sandbox.RequestsAsync()).Where(r => (string?)r["method"] == "DELETE").Select(r => ((int?)r["status"], (string?)r["query"])).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusedExit, Is.EqualTo(1), refusedText);
            Assert.That(refused.Deployment!.Failure, Does.Contain("delete queues 'Outage Line' refused: the queue has conversations in progress (400 active.queue").And.Contain("--force-delete"));
            Assert.That(refused.Plan!.Writes.Single().ForceDelete, Is.False);
            Assert.That(forcedExit, Is.Zero, Driver.Output.ToString());
            Assert.That(Driver.Output.ToString(), Does.Contain("- delete queues \"Outage Line\" (forceDelete: ends its conversations in progress)"));
            Assert.That(forced.Plan!.Writes.Single().ForceDelete, Is.True);
            Assert.That(deletes, Is.EqualTo(new[] { ((int?)400, string.Empty), (204, "forceDelete=true") }), "forceDelete only when the plan says so");
            Assert.That((await Sandbox.StateAsync())["queues"]!.Select(q => (string?)q["name"]), Does.Not.Contain("Outage Line"));
        }
    }

    private async Task SyncAsync()
    {
        var run = Driver.NewRun("Sync", o => new() { Target = o.Target, Environment = o.Environment, RepositoryRoot = o.RepositoryRoot, Force = true }); // a temp folder, not a git clone
        await run.AuthAsync();
        await run.ExtractAsync();
        run.Normalize();
        run.SyncState();
        await SandboxHost.SettleAsync();
    }

    private void Edit(string file, Action<JObject> change)
    {
        var json = JObject.Parse(File.ReadAllText(Repository.PathOf(file)));
        change(json);
        File.WriteAllText(Repository.PathOf(file), json.ToString() + "\n");
    }

    private static JObject LiveQueue(JObject state, string name) =>
        (JObject)state["queues"]!.Single(q => (string?)q["name"] == name);
}
