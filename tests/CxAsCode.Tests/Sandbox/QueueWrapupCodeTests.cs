using System.Net;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Sandbox;

public sealed class QueueWrapupCodeTests : SandboxFixture
{
    [Test]
    public async Task PostWrapupCodes_NewCode_AddsItAndBumpsQueueDateModified()
    {
        var queueId = await Sandbox.IdOfAsync("api/v2/routing/queues", "Payments");
        var codeId = await Sandbox.IdOfAsync("api/v2/routing/wrapupcodes", "Payment Taken");
        var before = await Sandbox.GetObjectAsync($"api/v2/routing/queues/{queueId}");
        Time.Advance(TimeSpan.FromMinutes(5));
        var addedAt = SandboxClock.Format(Time.GetUtcNow());

        var (status, added) = await Sandbox.ApiAsync(HttpMethod.Post, $"api/v2/routing/queues/{queueId}/wrapupcodes", new[] { new { id = codeId } });
        var list = await Sandbox.GetObjectAsync($"api/v2/routing/queues/{queueId}/wrapupcodes");
        var lagging = await Sandbox.GetObjectAsync($"api/v2/routing/queues/{queueId}");
        Settle();
        var after = await Sandbox.GetObjectAsync($"api/v2/routing/queues/{queueId}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(added!.Select(c => (string?)c["id"]), Is.EqualTo(new[] { codeId }));
            Assert.That((string?)added![0]!["name"], Is.EqualTo("Payment Taken"));
            Assert.That(list["entities"]!.Select(c => (string?)c["name"]), Is.EqualTo(new[] { "Callback Scheduled", "Payment Taken", "Resolved" }), "assignments do not lag");
            Assert.That((string?)lagging["dateModified"], Is.EqualTo((string?)before["dateModified"]), "GET by id shows the previous version for a moment");
            Assert.That((string?)after["dateModified"], Is.EqualTo(addedAt));
        }
    }

    [Test]
    public async Task PostWrapupCodes_AlreadyAssigned_IsANoOp()
    {
        var queueId = await Sandbox.IdOfAsync("api/v2/routing/queues", "Payments");
        var codeId = await Sandbox.IdOfAsync("api/v2/routing/wrapupcodes", "Resolved");

        var (status, added) = await Sandbox.ApiAsync(HttpMethod.Post, $"api/v2/routing/queues/{queueId}/wrapupcodes", new[] { new { id = codeId } });
        var list = await Sandbox.GetObjectAsync($"api/v2/routing/queues/{queueId}/wrapupcodes");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(added, Is.Empty);
            Assert.That((int?)list["total"], Is.EqualTo(2));
        }
    }

    [Test]
    public async Task PostWrapupCodes_UnknownCode_Returns400InvalidValueAndAddsNothing()
    {
        var queueId = await Sandbox.IdOfAsync("api/v2/routing/queues", "Payments");
        var codeId = await Sandbox.IdOfAsync("api/v2/routing/wrapupcodes", "Payment Taken");

        var (status, body) = await Sandbox.ApiAsync(HttpMethod.Post, $"api/v2/routing/queues/{queueId}/wrapupcodes", new[] { new { id = codeId }, new { id = Guid.NewGuid().ToString() } });
        var list = await Sandbox.GetObjectAsync($"api/v2/routing/queues/{queueId}/wrapupcodes");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)body?["code"], Is.EqualTo("invalid.value"));
            Assert.That((int?)list["total"], Is.EqualTo(2));
        }
    }

    [Test]
    public async Task PostWrapupCodes_MoreThan100_Returns400()
    {
        var queueId = await Sandbox.IdOfAsync("api/v2/routing/queues", "Payments");
        var codes = Enumerable.Range(0, 101).Select(_ => new { id = Guid.NewGuid().ToString() }).ToArray();

        var (status, _) = await Sandbox.ApiAsync(HttpMethod.Post, $"api/v2/routing/queues/{queueId}/wrapupcodes", codes);

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task DeleteWrapupCode_AssignedThenAgain_Returns204Then404()
    {
        var queueId = await Sandbox.IdOfAsync("api/v2/routing/queues", "Payments");
        var codeId = await Sandbox.IdOfAsync("api/v2/routing/wrapupcodes", "Resolved");

        var (first, _) = await Sandbox.ApiAsync(HttpMethod.Delete, $"api/v2/routing/queues/{queueId}/wrapupcodes/{codeId}");
        var (second, body) = await Sandbox.ApiAsync(HttpMethod.Delete, $"api/v2/routing/queues/{queueId}/wrapupcodes/{codeId}");
        var list = await Sandbox.GetObjectAsync($"api/v2/routing/queues/{queueId}/wrapupcodes");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(second, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((string?)body?["code"], Is.EqualTo("not.found"));
            Assert.That(list["entities"]!.Select(c => (string?)c["name"]), Is.EqualTo(new[] { "Callback Scheduled" }));
        }
    }

    [Test]
    public async Task GetWrapupCodes_PageSizeOver100_Returns400()
    {
        var queueId = await Sandbox.IdOfAsync("api/v2/routing/queues", "Payments");

        var (status, _) = await Sandbox.ApiAsync(HttpMethod.Get, $"api/v2/routing/queues/{queueId}/wrapupcodes?pageSize=101");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task GetWrapupCodes_QueueJustCreated_Answers404UntilTheQueueIsVisible()
    {
        var (_, queue) = await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/queues", new { name = "Fresh Queue" });

        var (early, _) = await Sandbox.ApiAsync(HttpMethod.Get, $"api/v2/routing/queues/{queue?["id"]}/wrapupcodes");
        Time.Advance(TimeSpan.FromSeconds(2));
        var (later, _) = await Sandbox.ApiAsync(HttpMethod.Get, $"api/v2/routing/queues/{queue?["id"]}/wrapupcodes");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(early, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(later, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task GetWrapupCodes_QueueDeleted_KeepsAnsweringWhileTheQueueDoes()
    {
        var queueId = await Sandbox.IdOfAsync("api/v2/routing/queues", "Payments");
        await Sandbox.ApiAsync(HttpMethod.Delete, $"api/v2/routing/queues/{queueId}");

        var lingering = await Sandbox.GetObjectAsync($"api/v2/routing/queues/{queueId}/wrapupcodes");
        var (post, _) = await Sandbox.ApiAsync(HttpMethod.Post, $"api/v2/routing/queues/{queueId}/wrapupcodes", Array.Empty<object>());
        Settle();
        var (gone, _) = await Sandbox.ApiAsync(HttpMethod.Get, $"api/v2/routing/queues/{queueId}/wrapupcodes");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((int?)lingering["total"], Is.EqualTo(2));
            Assert.That(post, Is.EqualTo(HttpStatusCode.NotFound), "writes see the delete at once");
            Assert.That(gone, Is.EqualTo(HttpStatusCode.NotFound));
        }
    }

    [Test]
    public async Task GetWrapupCodes_EntitiesAreFullWrapupCodes()
    {
        var queueId = await Sandbox.IdOfAsync("api/v2/routing/queues", "Payments");

        var list = await Sandbox.GetObjectAsync($"api/v2/routing/queues/{queueId}/wrapupcodes");
        var first = (JObject)list["entities"]![0]!;
        var direct = await Sandbox.GetObjectAsync($"api/v2/routing/wrapupcodes/{first["id"]}");

        Assert.That(JToken.DeepEquals(first, direct), Is.True);
    }
}
