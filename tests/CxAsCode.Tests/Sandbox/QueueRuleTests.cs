using System.Net;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Sandbox;

/// <summary>Queue details the platform insists on: conditional group routing's first rule, bullseye ring
/// member groups, deletes of queues with conversations in progress.</summary>
public sealed class QueueRuleTests : SandboxFixture
{
    [Test]
    public async Task GetQueue_ConditionalGroupRouting_FirstRuleReadsBackNamingTheQueueItself()
    {
        var id = await Sandbox.IdOfAsync("api/v2/routing/queues", "Priority Services");
        var complaints = await Sandbox.IdOfAsync("api/v2/routing/queues", "Complaints");

        var queue = await Sandbox.GetObjectAsync($"api/v2/routing/queues/{id}");
        var rules = queue["conditionalGroupRouting"]!["rules"]!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(JToken.DeepEquals(rules[0]!["queue"], new JObject { ["id"] = id, ["selfUri"] = $"/api/v2/routing/queues/{id}" }), Is.True, rules.ToString());
            Assert.That((string?)rules[1]!["queue"]!["id"], Is.EqualTo(complaints));
            Assert.That((string?)rules[0]!["groups"]![0]!["type"], Is.EqualTo("GROUP"));
        }
    }

    [Test]
    public async Task PutQueue_FirstRuleAsReadBack_Returns400AndWithoutItSucceeds()
    {
        var id = await Sandbox.IdOfAsync("api/v2/routing/queues", "Priority Services");
        var queue = await Sandbox.GetObjectAsync($"api/v2/routing/queues/{id}");

        var (refused, error) = await Sandbox.ApiAsync(HttpMethod.Put, $"api/v2/routing/queues/{id}", queue);
        ((JObject)queue["conditionalGroupRouting"]!["rules"]![0]!).Remove("queue");
        var (accepted, answer) = await Sandbox.ApiAsync(HttpMethod.Put, $"api/v2/routing/queues/{id}", queue);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)error?["code"], Is.EqualTo("invalid.value"));
            Assert.That((string?)error?["message"], Does.StartWith("conditionalGroupRouting.rules[0].queue must not be set"));
            Assert.That(accepted, Is.EqualTo(HttpStatusCode.OK), answer?.ToString());
            Assert.That((string?)answer?.SelectToken("conditionalGroupRouting.rules[0].queue.id"), Is.EqualTo(id));
        }
    }

    [Test]
    public async Task PostQueue_LaterRuleNamingUnknownQueue_Returns400()
    {
        var (status, error) = await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/queues", JObject.Parse(
            $"{{\"name\":\"CGR\",\"conditionalGroupRouting\":{{\"rules\":[{{\"metric\":\"EstimatedWaitTime\"}},{{\"queue\":{{\"id\":\"{Guid.NewGuid()}\"}}}}]}}}}"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)error?["message"], Does.Contain("conditionalGroupRouting.rules[1].queue does not exist"));
        }
    }

    [Test]
    public async Task PutQueue_DroppingRingWithMemberGroups_RefusedUntilTheyAreCleared()
    {
        var id = await Sandbox.IdOfAsync("api/v2/routing/queues", "Priority Services");
        var queue = ForPut(await Sandbox.GetObjectAsync($"api/v2/routing/queues/{id}"));
        var withoutBullseye = (JObject)queue.DeepClone();
        withoutBullseye.Remove("bullseye");
        var cleared = (JObject)queue.DeepClone();
        ((JObject)cleared["bullseye"]!["rings"]![1]!)["memberGroups"] = new JArray();

        var (refused, error) = await Sandbox.ApiAsync(HttpMethod.Put, $"api/v2/routing/queues/{id}", withoutBullseye);
        var (clearing, _) = await Sandbox.ApiAsync(HttpMethod.Put, $"api/v2/routing/queues/{id}", cleared);
        var (dropping, _) = await Sandbox.ApiAsync(HttpMethod.Put, $"api/v2/routing/queues/{id}", withoutBullseye);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)error?["message"], Does.StartWith("Bullseye ring 2 has member groups"));
            Assert.That(clearing, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(dropping, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await Sandbox.StateOfAsync("queues", "Priority Services")).ContainsKey("bullseye"), Is.False);
        }
    }

    [Test]
    public async Task GetQueue_RingMemberGroups_ReadBackAsIdAndType()
    {
        var id = await Sandbox.IdOfAsync("api/v2/routing/queues", "Priority Services");

        var queue = await Sandbox.GetObjectAsync($"api/v2/routing/queues/{id}");
        var group = (JObject)queue.SelectToken("bullseye.rings[1].memberGroups[0]")!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(group.Properties().Select(p => p.Name), Is.EqualTo(new[] { "id", "type" }));
            Assert.That((string?)group["type"], Is.EqualTo("GROUP"));
        }
    }

    [Test]
    public async Task DeleteQueue_WithActiveConversations_Returns400ActiveQueueUnlessForced()
    {
        var id = await Sandbox.IdOfAsync("api/v2/routing/queues", "Outage Line");
        await Sandbox.AdminAsync(HttpMethod.Post, "sandbox/edit", new { kind = "queues", name = "Outage Line", activeConversations = true });

        var (refused, error) = await Sandbox.ApiAsync(HttpMethod.Delete, $"api/v2/routing/queues/{id}");
        var (forcedFalse, _) = await Sandbox.ApiAsync(HttpMethod.Delete, $"api/v2/routing/queues/{id}?forceDelete=false");
        var (forced, _) = await Sandbox.ApiAsync(HttpMethod.Delete, $"api/v2/routing/queues/{id}?forceDelete=true");
        var log = await Sandbox.RequestLogAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)error?["code"], Is.EqualTo("active.queue"));
            Assert.That((string?)error?["entityName"], Is.EqualTo("Outage Line"));
            Assert.That(forcedFalse, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(forced, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(log.Where(e => (string?)e["method"] == "DELETE").Select(e => (string?)e["query"]), Is.EqualTo(new[] { string.Empty, "forceDelete=false", "forceDelete=true" }));
        }
    }

    [Test]
    public async Task PostQueue_QueueRulesOffAtRunTime_StoresTheFirstRulesQueueAsSent()
    {
        await Sandbox.AdminAsync(HttpMethod.Put, "sandbox/realism", new { queueRules = false });
        var complaints = await Sandbox.IdOfAsync("api/v2/routing/queues", "Complaints");

        var (status, queue) = await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/queues", JObject.Parse(
            $"{{\"name\":\"Lenient CGR\",\"conditionalGroupRouting\":{{\"rules\":[{{\"queue\":{{\"id\":\"{complaints}\"}}}}]}}}}"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((string?)queue?.SelectToken("conditionalGroupRouting.rules[0].queue.id"), Is.EqualTo(complaints));
        }
    }

    /// <summary>A GET body ready to PUT back: the first rule's queue removed, as the provider does.</summary>
    private static JObject ForPut(JObject queue)
    {
        ((JObject?)queue.SelectToken("conditionalGroupRouting.rules[0]"))?.Remove("queue");
        return queue;
    }
}
