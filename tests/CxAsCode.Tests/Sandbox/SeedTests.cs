using System.Net;
using CxAsCode.Sandbox;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Sandbox;

/// <summary>The default seed: valid under every rule and holding the platform's awkward cases with realism
/// on; exactly the pre-realism org with realism off (the engine's integration tests plan against that).</summary>
public sealed class SeedTests : SandboxFixture
{
    [Test]
    public async Task Seed_RealismOn_EveryQueuePutBackAsReadIsAccepted()
    {
        var queues = (await Sandbox.GetObjectAsync("api/v2/routing/queues?pageSize=100"))["entities"]!.OfType<JObject>().ToList();

        var statuses = new List<string>();
        foreach (var queue in queues)
        {
            ((JObject?)queue.SelectToken("conditionalGroupRouting.rules[0]"))?.Remove("queue");
            var (status, body) = await Sandbox.ApiAsync(HttpMethod.Put, $"api/v2/routing/queues/{queue["id"]}", queue);
            statuses.Add($"{queue["name"]}: {status} {body?["message"]}");
        }

        Assert.That(statuses, Has.All.Contains(": OK"));
    }

    [Test]
    public async Task Seed_RealismOn_HoldsThePlatformsAwkwardCases()
    {
        var state = await Sandbox.AdminAsync(HttpMethod.Get, "sandbox/state");
        var priority = state["queues"]!.Single(q => (string?)q["name"] == "Priority Services");
        var switching = state["queues"]!.Single(q => (string?)q["name"] == "Switching Supplier");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)state["wrapupcodes"]!.Single(c => (string?)c["name"] == "Vulnerability Flagged")["division"]!["id"], Is.EqualTo("*"));
            Assert.That((string?)state["skills"]!.Single(s => (string?)s["name"] == "Prepayment Meters")["state"], Is.EqualTo("inactive"));
            Assert.That(priority["conditionalGroupRouting"]!["rules"]!.Count(), Is.EqualTo(2));
            Assert.That(priority.SelectToken("bullseye.rings[1].memberGroups"), Is.Not.Empty);
            Assert.That((int?)priority.SelectToken("acwSettings.timeoutMs"), Is.EqualTo(30000), "server default");
            Assert.That((string?)switching["skillEvaluationMethod"], Is.EqualTo("ALL"), "server default");
            Assert.That((int?)switching.SelectToken("mediaSettings.email.alertingTimeoutSeconds"), Is.EqualTo(300), "server default");
        }
    }

    [Test]
    public async Task Seed_RealismOff_IsTheOrgTheStateFoldersWereWrittenAgainst()
    {
        await using var off = await SandboxClient.StartAsync(new SandboxOptions { Port = 0 });
        var state = (JObject)await off.AdminAsync(HttpMethod.Get, "sandbox/state");
        JToken Queue(string name) => state["queues"]!.Single(q => (string?)q["name"] == name);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(state["skills"]!.Count(), Is.EqualTo(10));
            Assert.That(state["wrapupcodes"]!.Count(), Is.EqualTo(8));
            Assert.That(state["queues"]!.Count(), Is.EqualTo(8));
            Assert.That((int?)Queue("Business Accounts").SelectToken("acwSettings.timeoutMs"), Is.EqualTo(120000));
            Assert.That((int?)Queue("Outage Line").SelectToken("mediaSettings.call.alertingTimeoutSeconds"), Is.EqualTo(6));
            Assert.That(Queue("Payments").SelectToken("bullseye.rings")!.Count(), Is.EqualTo(1));
            Assert.That(((JObject)Queue("Complaints")).ContainsKey("scoringMethod"), Is.False, "no server defaults");
            Assert.That((string?)state["wrapupcodes"]!.Single(c => (string?)c["name"] == "Resolved")["division"]!["name"], Is.EqualTo("Home"));
        }
    }

    [Test]
    public async Task Seed_OnAndOff_KeepTheSameNamesIdsAndRelationships()
    {
        await using var off = await SandboxClient.StartAsync(new SandboxOptions { Port = 0 });
        var offState = (JObject)await off.AdminAsync(HttpMethod.Get, "sandbox/state");
        var onState = (JObject)await Sandbox.AdminAsync(HttpMethod.Get, "sandbox/state");
        static IEnumerable<string> Shape(JObject state) => state["queues"]!.Select(q =>
            $"{q["id"]} {q["name"]} {q["division"]!["name"]} {string.Join(',', q["wrapupCodes"]!)} {string.Join(',', q.SelectTokens("bullseye.rings[*].actions.skillsToRemove[*].name"))}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Shape(onState).Where(s => !s.Contains("Priority Services", StringComparison.Ordinal) && !s.Contains("Switching Supplier", StringComparison.Ordinal)), Is.EqualTo(Shape(offState)));
            Assert.That(offState["skills"]!.Select(s => $"{s["id"]} {s["name"]}"), Is.SubsetOf(onState["skills"]!.Select(s => $"{s["id"]} {s["name"]}")));
        }
    }

    [Test]
    public async Task ListQueues_SeededObjects_AreVisibleAtOnce()
    {
        var (status, _) = await Sandbox.ApiAsync(HttpMethod.Get, $"api/v2/routing/queues/{await Sandbox.IdOfAsync("api/v2/routing/queues", "Switching Supplier")}");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), "the seed is the org's past: no lag");
    }
}
