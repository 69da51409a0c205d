using CxAsCode.Http;
using Newtonsoft.Json.Linq;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CxAsCode.Tests.Http;

public sealed partial class GenesysClientTests
{
    [Test]
    public async Task GetAllAsync_ThreePages_FollowsNextUriAndReturnsEveryEntity()
    {
        GivenThreePages(QueuesPath);
        var client = CreateClient();

        var entities = await client.GetAllAsync(QueuesPath, 2, null, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(entities.Select(e => (string?)e["id"]), Is.EqualTo(new[] { "a", "b", "c", "d", "e" }));
            Assert.That(_server.Requests().Select(e => e.PathAndQuery()), Is.EqualTo(new[]
            {
                QueuesPath + "?pageSize=2&pageNumber=1",
                QueuesPath + "?pageSize=2&pageNumber=2",
                QueuesPath + "?pageSize=2&pageNumber=3",
            }));
            Assert.That(_server.Requests().Select(e => e.Method()), Is.All.EqualTo("GET"));
        }
    }

    [Test]
    public async Task GetAllAsync_PageSizeAndQuery_AreSentAsAsked()
    {
        _server.Given(Request.Create().WithPath("/api/v2/routing/skills").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(Envelope(["s1"], next: null, pageCount: 1)));
        var client = CreateClient();

        await client.GetAllAsync("/api/v2/routing/skills", 500, "name=Billing%20EU", CancellationToken.None);

        var request = _server.Requests().Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(request.PathAndQuery(), Is.EqualTo("/api/v2/routing/skills?pageSize=500&pageNumber=1&name=Billing%20EU"));
            Assert.That(request.Query("pageSize").Single(), Is.EqualTo("500"));
            Assert.That(request.Query("name").Single(), Is.EqualTo("Billing EU"));
        }
    }

    [Test]
    public async Task GetAllAsync_EmptyPageWithNextUri_StopsWithoutFollowing()
    {
        GivenPage(1, ["a", "b"], next: QueuesPath + "?pageSize=2&pageNumber=2", pageCount: null);
        GivenPage(2, [], next: QueuesPath + "?pageSize=2&pageNumber=3", pageCount: null);
        GivenPage(3, ["never"], next: null, pageCount: null);
        var client = CreateClient();

        var entities = await client.GetAllAsync(QueuesPath, 2, null, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(entities.Select(e => (string?)e["id"]), Is.EqualTo(new[] { "a", "b" }));
            Assert.That(_server.LogEntries.Count, Is.EqualTo(2));
        }
    }

    [Test]
    public async Task GetAllAsync_LastPageByPageCount_StopsEvenWithNextUri()
    {
        GivenPage(1, ["a", "b"], next: QueuesPath + "?pageSize=2&pageNumber=2", pageCount: 2);
        GivenPage(2, ["c", "d"], next: QueuesPath + "?pageSize=2&pageNumber=3", pageCount: 2);
        GivenPage(3, ["never"], next: null, pageCount: 2);
        var client = CreateClient();

        var entities = await client.GetAllAsync(QueuesPath, 2, null, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(entities, Has.Count.EqualTo(4));
            Assert.That(_server.LogEntries.Count, Is.EqualTo(2));
        }
    }

    [Test]
    public async Task GetAllAsync_NoNextUri_StopsAfterOnePage()
    {
        GivenPage(1, ["a"], next: null, pageCount: null);
        var client = CreateClient();

        var entities = await client.GetAllAsync(QueuesPath, 2, null, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(entities, Has.Count.EqualTo(1));
            Assert.That(_server.LogEntries.Count, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task GetAllAsync_NextUriOnAnotherHost_ThrowsAndSendsNothingThere()
    {
        using var otherHost = WireMockServer.Start();
        otherHost.Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(Envelope(["stolen"], next: null, pageCount: 2)));
        GivenPage(1, ["a", "b"], next: otherHost.Url + QueuesPath + "?pageSize=2&pageNumber=2", pageCount: 2);
        var client = CreateClient();

        await Assert.ThatAsync(
            () => client.GetAllAsync(QueuesPath, 2, null, CancellationToken.None),
            Throws.InstanceOf<ApiException>().With.Message.Contains("refusing to follow nextUri"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(otherHost.LogEntries, Is.Empty);
            Assert.That(_server.LogEntries.Count, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task GetAllAsync_NextUriOutsideTheCollectionPath_ThrowsWithoutFollowing()
    {
        GivenPage(1, ["a", "b"], next: "/api/v2/users?pageSize=2&pageNumber=2", pageCount: 2);
        _server.Given(Request.Create().WithPath("/api/v2/users").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(Envelope(["u"], next: null, pageCount: 2)));
        var client = CreateClient();

        await Assert.ThatAsync(
            () => client.GetAllAsync(QueuesPath, 2, null, CancellationToken.None),
            Throws.InstanceOf<ApiException>().With.Message.Contains("/api/v2/users"));

        Assert.That(_server.Requests().Select(e => e.Request().Path), Is.EqualTo(new[] { QueuesPath }));
    }

    [Test]
    public async Task GetAllAsync_NextUriWithDotSegmentsOutOfTheCollection_ThrowsWithoutFollowing()
    {
        GivenPage(1, ["a", "b"], next: QueuesPath + "/../../users?pageSize=2&pageNumber=2", pageCount: 2);
        _server.Given(Request.Create().WithPath("/api/v2/users").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(Envelope(["user"], next: null, pageCount: 2)));
        var client = CreateClient();

        await Assert.ThatAsync(
            () => client.GetAllAsync(QueuesPath, 2, null, CancellationToken.None),
            Throws.InstanceOf<ApiException>().With.Message.Contains("refusing to follow nextUri"));

        Assert.That(_server.Requests().Select(e => e.Request().Path), Is.EqualTo(new[] { QueuesPath }));
    }

    [Test]
    public async Task GetAllAsync_NextUriOnASiblingPathWithTheSamePrefix_ThrowsWithoutFollowing()
    {
        GivenPage(1, ["a", "b"], next: QueuesPath + "-archive?pageSize=2&pageNumber=2", pageCount: 2);
        _server.Given(Request.Create().WithPath(QueuesPath + "-archive").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(Envelope(["old"], next: null, pageCount: 2)));
        var client = CreateClient();

        await Assert.ThatAsync(
            () => client.GetAllAsync(QueuesPath, 2, null, CancellationToken.None),
            Throws.InstanceOf<ApiException>().With.Message.Contains("refusing to follow nextUri"));

        Assert.That(_server.Requests().Select(e => e.Request().Path), Is.EqualTo(new[] { QueuesPath }));
    }

    [Test]
    public async Task GetPagesAsync_ThreePages_HandsEachOverBeforeTheNextIsRead()
    {
        GivenThreePages(QueuesPath);
        var client = CreateClient();
        var seen = new List<(string[] Ids, int RequestsSoFar)>();

        await foreach (var page in client.GetPagesAsync(QueuesPath, 2, null, CancellationToken.None))
        {
            seen.Add(([.. page.Select(e => (string)e["id"]!)], _server.LogEntries.Count));
        }

        Assert.That(seen, Is.EqualTo(new[] { (new[] { "a", "b" }, 1), (new[] { "c", "d" }, 2), (new[] { "e" }, 3) }));
    }

    [Test]
    public async Task GetPagesAsync_NextUriOutsideTheCollection_ThrowsBeforeHandingOverThatPage()
    {
        GivenPage(1, ["a", "b"], next: "/api/v2/users?pageSize=2&pageNumber=2", pageCount: 3);
        var client = CreateClient();
        var handed = 0;

        await Assert.ThatAsync(
            async () =>
            {
                await foreach (var page in client.GetPagesAsync(QueuesPath, 2, null, CancellationToken.None))
                {
                    handed += page.Count;
                }
            },
            Throws.InstanceOf<ApiException>().With.Message.Contains("outside the collection"));
        Assert.That(handed, Is.Zero, "a page whose next link is refused is not half used");
    }

    /// <summary>Entities a to e in pages of two, each page naming the next.</summary>
    private void GivenThreePages(string path)
    {
        GivenPage(1, ["a", "b"], next: path + "?pageSize=2&pageNumber=2", pageCount: 3, path);
        GivenPage(2, ["c", "d"], next: path + "?pageSize=2&pageNumber=3", pageCount: 3, path);
        GivenPage(3, ["e"], next: null, pageCount: 3, path);
    }

    private void GivenPage(int number, string[] ids, string? next, int? pageCount, string path = QueuesPath) =>
        _server.Given(Request.Create().WithPath(path).WithParam("pageNumber", number.ToString(System.Globalization.CultureInfo.InvariantCulture)).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Envelope(ids, next, pageCount, number)));

    /// <summary>A list envelope as §2 describes it (relative URIs).</summary>
    private static string Envelope(string[] ids, string? next, int? pageCount, int pageNumber = 1)
    {
        var envelope = new JObject
        {
            ["entities"] = new JArray(ids.Select(id => new JObject { ["id"] = id, ["name"] = "Queue " + id })),
            ["pageSize"] = 2,
            ["pageNumber"] = pageNumber,
            ["selfUri"] = QueuesPath,
        };
        if (next is not null)
        {
            envelope["nextUri"] = next;
        }

        if (pageCount is not null)
        {
            envelope["pageCount"] = pageCount;
            envelope["total"] = pageCount * 2;
        }

        return envelope.ToString(Newtonsoft.Json.Formatting.None);
    }
}
