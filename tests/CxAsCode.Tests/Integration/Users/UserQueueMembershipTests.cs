using CxAsCode.Json;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Integration.Users;

/// <summary>
/// Issue 10: queue memberships kept on the users (<c>"queues"</c>) instead of on the queues, one place only.
/// Written through the queues' member endpoints, planned on the queues, and written back onto the users by Sync.
/// </summary>
[TestFixture]
[NonParallelizable]
internal sealed class UserQueueMembershipTests : SandboxPipelineFixture
{
    private const string PriyaFile = "state/dev/users/priya.shah@northwind-energy.example.json";
    private const string AlexFile = "state/dev/users/alex.morgan@northwind-energy.example.json";

    [Test]
    public async Task Deploy_QueuesOnUsers_AddsThemAsMembersThenPlansCleanAndSyncKeepsTheFiles()
    {
        SetQueues(PriyaFile, "Billing Support", "Payments");
        SetQueues(AlexFile, "Billing Support");

        var (plan, _) = await Driver.RunAsync("DryRun");
        var (_, exit) = await Driver.RunAsync("Deploy");
        await SandboxHost.SettleAsync();
        var (again, _) = await Driver.RunAsync("DryRun");
        var priyaText = File.ReadAllText(Repository.PathOf(PriyaFile));
        var sync = await Driver.SyncForcedAsync();

        var state = await Sandbox.StateAsync();
        var priya = (string)state["users"]!.Single(u => (string?)u["email"] == "priya.shah@northwind-energy.example")["id"]!;
        var alex = (string)state["users"]!.Single(u => (string?)u["email"] == "alex.morgan@northwind-energy.example")["id"]!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero, Driver.Output.ToString());
            Assert.That(plan.Plan!.Entries.Where(e => e.Kind == "users" && e.IsWrite), Is.Empty, "planned on the queues, not the users");
            Assert.That(plan.Plan.Entries.Single(e => e.Key == "Payments").Changes.Select(c => c.Path), Does.Contain("members"));
            Assert.That(Members(state, "Billing Support"), Is.EquivalentTo(new[] { alex, priya }));
            Assert.That(Members(state, "Payments"), Is.EquivalentTo(new[] { priya }));
            Assert.That(again.Plan!.HasChanges, Is.False, Driver.Output.ToString());
            Assert.That(sync.Sync!.Updated, Is.Zero, sync.Sync.ToString());
            Assert.That(File.ReadAllText(Repository.PathOf(PriyaFile)), Is.EqualTo(priyaText), "Sync writes the memberships back on the user");
            Assert.That(File.ReadAllText(Repository.PathOf("state/dev/routing/queues/payments.json")), Does.Not.Contain("members"), "and not on the queue");
        }
    }

    [Test]
    public async Task Deploy_UserDropsAQueue_RemovedFromItWhileMembersStateDoesNotHoldStay()
    {
        SetQueues(PriyaFile, "Payments");
        await Driver.RunAsync("Deploy");
        await SandboxHost.SettleAsync();
        // Someone adds a user state does not hold to Payments in the UI: that membership is theirs to keep.
        var state = await Sandbox.StateAsync();
        var temp = await CreateUserAsync("Temp Agent", "temp.agent@northwind-energy.example");
        var payments = (string)state["queues"]!.Single(q => (string?)q["name"] == "Payments")["id"]!;
        await Sandbox.PostAsync("/sandbox/edit", new JObject { ["kind"] = "queues", ["name"] = "Payments", ["set"] = new JObject { ["members"] = new JArray(Members(state, "Payments").Append(temp)) } });
        await SandboxHost.SettleAsync();
        SetQueues(PriyaFile);

        var (_, exit) = await Driver.RunAsync("Deploy");
        await SandboxHost.SettleAsync();

        var after = await Sandbox.StateAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero, Driver.Output.ToString());
            Assert.That(Members(after, "Payments"), Is.EqualTo(new[] { temp }), $"Priya removed, the agent state does not hold kept (queue {payments})");
        }
    }

    [Test]
    public async Task Validate_QueueListingMembersAndNamedByAUser_OnePlaceOnlyNothingSent()
    {
        SetQueues(PriyaFile, "Payments", "Heat Pump Adviсe");
        const string payments = "state/dev/routing/queues/payments.json";
        var queue = JObject.Parse(File.ReadAllText(Repository.PathOf(payments)));
        queue["members"] = new JArray("alex.morgan@northwind-energy.example");
        Repository.Write(payments, CanonicalJson.Serialize(queue));
        await Sandbox.ClearRequestsAsync();

        var (run, exit) = await Driver.RunAsync("Deploy");

        var errors = run.ValidationErrors.Select(e => e.ToString()).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(1), Driver.Output.ToString());
            Assert.That(errors, Has.Some.Contains(PriyaFile).And.Contains("queues[").And.Contains("lists its own members in state/dev/routing/queues/payments.json"), string.Join("\n", errors));
            Assert.That(errors, Has.Some.Contains(PriyaFile).And.Contains("is not in state"), "a queue named with a look-alike letter is not a queue of state");
            Assert.That(await Sandbox.WritesAsync(), Is.Empty);
        }
    }

    private void SetQueues(string file, params string[] queues)
    {
        var user = JObject.Parse(File.ReadAllText(Repository.PathOf(file)));
        user["queues"] = new JArray(queues);
        Repository.Write(file, CanonicalJson.Serialize(CanonicalJson.Canonicalize(user)));
    }

    private async Task<string> CreateUserAsync(string name, string email)
    {
        await Sandbox.PostAsync("/sandbox/edit", new JObject { ["kind"] = "users", ["create"] = new JObject { ["name"] = name, ["email"] = email } });
        await SandboxHost.SettleAsync();
        return (string)(await Sandbox.StateAsync())["users"]!.Single(u => (string?)u["email"] == email)["id"]!;
    }

    private static IEnumerable<string> Members(JObject state, string queue) =>
        state["queues"]!.Single(q => (string?)q["name"] == queue)["members"]!.Select(m => (string)m!);
}
