using System.Net;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Sandbox;

public sealed class AdminSurfaceTests : SandboxFixture
{
    [Test]
    public async Task Edit_SetOnQueueCreatedByApi_AppliesPatchAsUiUser()
    {
        var (_, created) = await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/queues", new { name = "Drift Target", description = "from the pipeline", callingPartyName = "Northwind" });
        Time.Advance(TimeSpan.FromMinutes(1));
        var editedAt = SandboxClock.Format(Time.GetUtcNow());

        var edited = await Sandbox.AdminAsync(HttpMethod.Post, "sandbox/edit", new
        {
            kind = "queues",
            name = "drift target",
            set = new { description = "changed in the UI", callingPartyName = (string?)null },
        });
        Settle();
        var read = await Sandbox.GetObjectAsync($"api/v2/routing/queues/{created?["id"]}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(JToken.DeepEquals(edited, read), Is.True);
            Assert.That((string?)read["description"], Is.EqualTo("changed in the UI"));
            Assert.That(read.ContainsKey("callingPartyName"), Is.False);
            Assert.That((string?)read["modifiedBy"], Is.Not.EqualTo((string?)created?["modifiedBy"]));
            Assert.That((string?)read["createdBy"], Is.EqualTo((string?)created?["createdBy"]));
            Assert.That((string?)read["dateModified"], Is.EqualTo(editedAt));
        }
    }

    [Test]
    public async Task Edit_SetOnSkill_BumpsVersion()
    {
        var edited = await Sandbox.AdminAsync(HttpMethod.Post, "sandbox/edit", new { kind = "skills", name = "Solar", set = new { name = "Solar PV" } });

        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)edited["name"], Is.EqualTo("Solar PV"));
            Assert.That((string?)edited["version"], Is.EqualTo("2"));
        }
    }

    [Test]
    public async Task Edit_DeleteSkill_SoftDeletesLikeTheApi()
    {
        var deleted = await Sandbox.AdminAsync(HttpMethod.Post, "sandbox/edit", new { kind = "skills", name = "Spanish", delete = true });
        Settle();
        var list = await Sandbox.GetObjectAsync("api/v2/routing/skills?name=Spanish");
        var read = await Sandbox.GetObjectAsync($"api/v2/routing/skills/{deleted["id"]}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)deleted["state"], Is.EqualTo("deleted"));
            Assert.That((int?)list["total"], Is.EqualTo(0), "listed no longer once the deleted-skill window has passed");
            Assert.That((string?)read["state"], Is.EqualTo("deleted"));
        }
    }

    [Test]
    public async Task Edit_CreateWrapupCode_IsReadableThroughTheApiOnceVisible()
    {
        var created = await Sandbox.AdminAsync(HttpMethod.Post, "sandbox/edit", new { kind = "wrapupcodes", create = new { name = "Made In UI" } });
        Settle();
        var read = await Sandbox.GetObjectAsync($"api/v2/routing/wrapupcodes/{created["id"]}");

        Assert.That(JToken.DeepEquals(created, read), Is.True);
    }

    [Test]
    public async Task Edit_UnknownName_Returns404()
    {
        using var response = await Sandbox.SendAsync(HttpMethod.Post, "sandbox/edit", new { kind = "queues", name = "No Such Queue", set = new { description = "x" } }, token: string.Empty);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Edit_ActiveConversations_MarksTheQueueInTheState()
    {
        await Sandbox.AdminAsync(HttpMethod.Post, "sandbox/edit", new { kind = "queues", name = "Payments", activeConversations = true });

        var marked = await Sandbox.StateOfAsync("queues", "Payments");
        await Sandbox.AdminAsync(HttpMethod.Post, "sandbox/edit", new { kind = "queues", name = "Payments", activeConversations = false });
        var cleared = await Sandbox.StateOfAsync("queues", "Payments");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((bool?)marked["activeConversations"], Is.True);
            Assert.That(cleared.ContainsKey("activeConversations"), Is.False);
        }
    }

    [Test]
    public async Task State_AfterSkillDelete_IncludesDeletedSkillAndQueueCodeIds()
    {
        var welsh = await Sandbox.IdOfAsync("api/v2/routing/skills", "Welsh");
        await Sandbox.ApiAsync(HttpMethod.Delete, $"api/v2/routing/skills/{welsh}");

        var state = await Sandbox.AdminAsync(HttpMethod.Get, "sandbox/state");
        var payments = state["queues"]!.Single(q => (string?)q["name"] == "Payments");
        var codeIds = payments["wrapupCodes"]!.Select(c => (string)c!).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(state["divisions"]!.Count(), Is.EqualTo(3));
            Assert.That(state["skills"]!.Count(), Is.EqualTo(11));
            Assert.That((string?)state["skills"]!.Single(s => (string?)s["id"] == welsh)["state"], Is.EqualTo("deleted"), "the state shows the truth, without lag");
            Assert.That(state["wrapupcodes"]!.Count(), Is.EqualTo(9));
            Assert.That(codeIds, Has.Count.EqualTo(2));
            Assert.That(codeIds, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        }
    }

    [Test]
    public async Task Reset_EmptySeed_LeavesOnlyTheDivisions()
    {
        await Sandbox.ResetAsync("empty");

        var state = await Sandbox.AdminAsync(HttpMethod.Get, "sandbox/state");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(state["divisions"]!.Select(d => (string?)d["name"]), Is.EqualTo(new[] { "Business", "Home", "Residential" }));
            Assert.That(state["skills"], Is.Empty);
            Assert.That(state["wrapupcodes"], Is.Empty);
            Assert.That(state["queues"], Is.Empty);
        }
    }

    [Test]
    public async Task Reset_Twice_SeededIdsStayTheSame()
    {
        var first = await Sandbox.IdOfAsync("api/v2/routing/queues", "Billing Support");
        await Sandbox.ApiAsync(HttpMethod.Delete, $"api/v2/routing/queues/{first}");
        await Sandbox.ResetAsync();

        var second = await Sandbox.IdOfAsync("api/v2/routing/queues", "Billing Support");

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public async Task Reset_AfterRealismChangedAtRunTime_RestoresTheStartUpProfile()
    {
        await Sandbox.AdminAsync(HttpMethod.Put, "sandbox/realism", new { profile = "off" });
        var changed = await Sandbox.AdminAsync(HttpMethod.Get, "sandbox/realism");

        await Sandbox.ResetAsync();
        var restored = await Sandbox.AdminAsync(HttpMethod.Get, "sandbox/realism");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((bool?)changed["validation"], Is.False);
            Assert.That((bool?)restored["validation"], Is.True);
            Assert.That((long?)restored["consistency"]?["listLagMs"], Is.EqualTo(5000));
        }
    }

    [Test]
    public async Task RequestLog_ApiCalls_RecordsMethodPathQueryBodyButNoHeaders()
    {
        await Sandbox.ApiAsync(HttpMethod.Get, "api/v2/routing/queues?pageSize=2");
        await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/skills", new { name = "Logged" });
        await Sandbox.AdminAsync(HttpMethod.Get, "sandbox/state");

        var log = await Sandbox.RequestLogAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(log, Has.Count.EqualTo(2));
            Assert.That((string?)log[0]["method"], Is.EqualTo("GET"));
            Assert.That((string?)log[0]["path"], Is.EqualTo("/api/v2/routing/queues"));
            Assert.That((string?)log[0]["query"], Is.EqualTo("pageSize=2"));
            Assert.That((int?)log[0]["status"], Is.EqualTo(200));
            Assert.That((long)log[1]["seq"]!, Is.GreaterThan((long)log[0]["seq"]!));
            Assert.That((string?)log[1]["body"], Is.EqualTo("{\"name\":\"Logged\"}"));
            Assert.That(log.ToString(), Does.Not.Contain(Sandbox.Token));
        }
    }
}
