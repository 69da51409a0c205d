using System.Net;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Sandbox;

/// <summary>
/// Issue 10, item 3: queue members as the contract has them — added and removed up to 100 per call
/// (<c>delete=true</c> removes), listed in pages of at most 100 sorted by name, counted on the queue, and a
/// deleted user taken out of every queue.
/// </summary>
public sealed class QueueMemberEndpointTests : SandboxFixture
{
    private const string Priya = "priya.shah@northwind-energy.example";

    [Test]
    public async Task AddListRemove_MembersPagedSortedAndCounted()
    {
        var queue = await Sandbox.IdOfAsync("api/v2/routing/queues", "Billing Support");
        var users = (await Sandbox.GetObjectAsync("api/v2/users?pageSize=500"))["entities"]!.Select(u => (string)u["id"]!).ToList();

        var (added, _) = await Sandbox.ApiAsync(HttpMethod.Post, $"api/v2/routing/queues/{queue}/members", users.Select(id => new { id }).ToArray());
        Settle();
        var firstPage = await Sandbox.GetObjectAsync($"api/v2/routing/queues/{queue}/members?pageSize=1");
        var all = await Sandbox.GetObjectAsync($"api/v2/routing/queues/{queue}/members?pageSize=100");
        var counted = await Sandbox.GetObjectAsync($"api/v2/routing/queues/{queue}");
        var (removed, _) = await Sandbox.ApiAsync(HttpMethod.Post, $"api/v2/routing/queues/{queue}/members?delete=true", new[] { new { id = users[0] } });
        Settle();
        var after = await Sandbox.GetObjectAsync($"api/v2/routing/queues/{queue}/members?pageSize=100");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(added, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That((firstPage["entities"]!.Count(), (string?)firstPage["nextUri"]), Is.EqualTo((1, $"/api/v2/routing/queues/{queue}/members?pageSize=1&pageNumber=2")), "a page of one, and the way to the next");
            Assert.That(all["entities"]!.Select(m => (string?)m["name"]), Is.Ordered.Using((IComparer<string?>)StringComparer.OrdinalIgnoreCase));
            Assert.That(all["entities"]!.Select(m => (string?)m["user"]!["id"]), Is.EquivalentTo(users));
            Assert.That((int?)counted["memberCount"], Is.EqualTo(users.Count));
            Assert.That(removed, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(after["entities"]!.Select(m => (string?)m["id"]), Is.EquivalentTo(users.Skip(1)));
        }
    }

    [Test]
    public async Task Add_MoreThanAHundredOrAnUnknownUser_Is400AndChangesNothing()
    {
        var queue = await Sandbox.IdOfAsync("api/v2/routing/queues", "Billing Support");

        var (tooMany, _) = await Sandbox.ApiAsync(HttpMethod.Post, $"api/v2/routing/queues/{queue}/members", Enumerable.Range(0, 101).Select(i => new { id = $"u{i}" }).ToArray());
        var (unknown, body) = await Sandbox.ApiAsync(HttpMethod.Post, $"api/v2/routing/queues/{queue}/members", new[] { new { id = "no-such-user" } });
        Settle();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(tooMany, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(unknown, Is.EqualTo(HttpStatusCode.BadRequest), body?.ToString());
            Assert.That((await Sandbox.GetObjectAsync($"api/v2/routing/queues/{queue}/members"))["entities"], Is.Empty);
        }
    }

    [Test]
    public async Task DeleteUser_TakenOutOfEveryQueue()
    {
        var queue = await Sandbox.IdOfAsync("api/v2/routing/queues", "Billing Support");
        var priya = (string)(await Sandbox.GetObjectAsync("api/v2/users?pageSize=500"))["entities"]!.Single(u => (string?)u["email"] == Priya)["id"]!;
        await Sandbox.ApiAsync(HttpMethod.Post, $"api/v2/routing/queues/{queue}/members", new[] { new { id = priya } });

        var (deleted, _) = await Sandbox.ApiAsync(HttpMethod.Delete, $"api/v2/users/{priya}");
        Settle();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(deleted, Is.AnyOf(HttpStatusCode.OK, HttpStatusCode.NoContent));
            Assert.That((await Sandbox.GetObjectAsync($"api/v2/routing/queues/{queue}/members"))["entities"], Is.Empty);
        }
    }
}
