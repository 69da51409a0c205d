using System.Net;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Sandbox;

/// <summary>The realistic consistency profile: list lag 5 s, GET lag 2 s, a deleted queue lingering 60 s,
/// a deleted skill listed for 60 s after its deletion shows. Every step moves the fake clock.</summary>
public sealed class ConsistencyTests : SandboxFixture
{
    [Test]
    public async Task PostQueue_NewQueue_MissingFromListsAndFiltersThenGetLagsLess()
    {
        var (_, created) = await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/queues", new { name = "Lagging Queue" });
        var id = (string)created!["id"]!;

        var atOnce = await ViewsAsync(id, "Lagging Queue");
        Time.Advance(TimeSpan.FromSeconds(2));
        var afterGetLag = await ViewsAsync(id, "Lagging Queue");
        Time.Advance(TimeSpan.FromSeconds(3));
        var afterListLag = await ViewsAsync(id, "Lagging Queue");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(atOnce, Is.EqualTo((HttpStatusCode.NotFound, 0, 0, 10)), "GET 404, not in name/id filters nor the list");
            Assert.That(afterGetLag, Is.EqualTo((HttpStatusCode.OK, 0, 0, 10)), "GET answers first");
            Assert.That(afterListLag, Is.EqualTo((HttpStatusCode.OK, 1, 1, 11)), "then lists and filters");
        }
    }

    [Test]
    public async Task DeleteQueue_StillAnswersIsListedAndHoldsItsNameForAMinute()
    {
        var id = await Sandbox.IdOfAsync("api/v2/routing/queues", "Complaints");

        var (deleted, _) = await Sandbox.ApiAsync(HttpMethod.Delete, $"api/v2/routing/queues/{id}");
        Time.Advance(TimeSpan.FromSeconds(59));
        var lingering = await ViewsAsync(id, "Complaints");
        var (sameName, error) = await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/queues", new { name = "Complaints" });
        var (deleteAgain, _) = await Sandbox.ApiAsync(HttpMethod.Delete, $"api/v2/routing/queues/{id}");
        Time.Advance(TimeSpan.FromSeconds(1));
        var gone = await ViewsAsync(id, "Complaints");
        var (recreated, _) = await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/queues", new { name = "Complaints" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(deleted, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(lingering, Is.EqualTo((HttpStatusCode.OK, 1, 1, 10)));
            Assert.That(sameName, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)error?["code"], Is.EqualTo("duplicate.name"), "the name stays taken while the queue lingers");
            Assert.That(deleteAgain, Is.EqualTo(HttpStatusCode.NotFound), "writes see the delete at once");
            Assert.That(gone, Is.EqualTo((HttpStatusCode.NotFound, 0, 0, 9)));
            Assert.That(recreated, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task PutQueue_ReadsShowThePreviousVersionForTheirLag()
    {
        var id = await Sandbox.IdOfAsync("api/v2/routing/queues", "Payments");
        var before = await Sandbox.GetObjectAsync($"api/v2/routing/queues/{id}");
        var body = (JObject)before.DeepClone();
        body["description"] = "Edited by the pipeline";

        var (status, answer) = await Sandbox.ApiAsync(HttpMethod.Put, $"api/v2/routing/queues/{id}", body);
        var getAtOnce = await Sandbox.GetObjectAsync($"api/v2/routing/queues/{id}");
        Time.Advance(TimeSpan.FromSeconds(2));
        var getLater = await Sandbox.GetObjectAsync($"api/v2/routing/queues/{id}");
        var listLater = await Sandbox.GetObjectAsync($"api/v2/routing/queues?id={id}");
        Time.Advance(TimeSpan.FromSeconds(3));
        var listSettled = await Sandbox.GetObjectAsync($"api/v2/routing/queues?id={id}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((string?)answer?["description"], Is.EqualTo("Edited by the pipeline"), "the PUT answers with what it stored");
            Assert.That((string?)getAtOnce["description"], Is.EqualTo((string?)before["description"]));
            Assert.That((string?)getLater["description"], Is.EqualTo("Edited by the pipeline"));
            Assert.That((string?)listLater["entities"]![0]!["description"], Is.EqualTo((string?)before["description"]));
            Assert.That((string?)listSettled["entities"]![0]!["description"], Is.EqualTo("Edited by the pipeline"));
        }
    }

    [Test]
    public async Task DeleteSkill_ListedAsDeletedForAWhileThenNoLonger_GetKeepsAnswering()
    {
        var id = await Sandbox.IdOfAsync("api/v2/routing/skills", "Welsh");

        await Sandbox.ApiAsync(HttpMethod.Delete, $"api/v2/routing/skills/{id}");
        var getAtOnce = await Sandbox.GetObjectAsync($"api/v2/routing/skills/{id}");
        Time.Advance(TimeSpan.FromSeconds(5));
        var listed = await Sandbox.GetObjectAsync("api/v2/routing/skills?name=Welsh");
        var (reused, _) = await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/skills", new { name = "Welsh" });
        Time.Advance(TimeSpan.FromSeconds(60));
        var dropped = await Sandbox.GetObjectAsync($"api/v2/routing/skills?id={id}");
        var getLater = await Sandbox.GetObjectAsync($"api/v2/routing/skills/{id}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)getAtOnce["state"], Is.EqualTo("active"), "GET shows the skill as it was for the GET lag");
            Assert.That(listed["entities"]!.Select(s => ((string?)s["id"], (string?)s["state"])), Has.Member(((string?)id, (string?)"deleted")));
            Assert.That(reused, Is.EqualTo(HttpStatusCode.OK), "a deleted skill's name is free at once");
            Assert.That((int?)dropped["total"], Is.Zero);
            Assert.That((string?)getLater["state"], Is.EqualTo("deleted"));
        }
    }

    [Test]
    public async Task PutConsistency_ShorterLags_AppliesToLaterWrites()
    {
        var lags = await Sandbox.AdminAsync(HttpMethod.Put, "sandbox/consistency", new { listLagMs = 1000, getLagMs = 0 });

        var (_, created) = await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/skills", new { name = "Quick Skill" });
        var (getAtOnce, _) = await Sandbox.ApiAsync(HttpMethod.Get, $"api/v2/routing/skills/{created?["id"]}");
        Time.Advance(TimeSpan.FromSeconds(1));
        var listed = await Sandbox.GetObjectAsync("api/v2/routing/skills?name=Quick%20Skill");
        var read = await Sandbox.AdminAsync(HttpMethod.Get, "sandbox/consistency");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((long?)lags["listLagMs"], Is.EqualTo(1000));
            Assert.That((long?)lags["queueDeleteLingerMs"], Is.EqualTo(60000), "lags not given keep their value");
            Assert.That(getAtOnce, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((int?)listed["total"], Is.EqualTo(1));
            Assert.That(JToken.DeepEquals(read, lags), Is.True);
        }
    }

    [Test]
    public async Task PutConsistency_NegativeLag_Returns400AndChangesNothing()
    {
        using var response = await Sandbox.SendAsync(HttpMethod.Put, "sandbox/consistency", new { listLagMs = -1, getLagMs = 0 }, token: string.Empty);
        var lags = await Sandbox.AdminAsync(HttpMethod.Get, "sandbox/consistency");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((long?)lags["getLagMs"], Is.EqualTo(2000));
        }
    }

    /// <summary>GET by id status, and how many entities the name filter, the id filter and the full list show.</summary>
    private async Task<(HttpStatusCode Get, int ByName, int ById, int All)> ViewsAsync(string id, string name)
    {
        var (get, _) = await Sandbox.ApiAsync(HttpMethod.Get, $"api/v2/routing/queues/{id}");
        var byName = await Sandbox.GetObjectAsync($"api/v2/routing/queues?name={Uri.EscapeDataString(name)}");
        var byId = await Sandbox.GetObjectAsync($"api/v2/routing/queues?id={id}");
        var all = await Sandbox.GetObjectAsync("api/v2/routing/queues?pageSize=500");
        return (get, (int)byName["total"]!, (int)byId["total"]!, (int)all["total"]!);
    }
}
