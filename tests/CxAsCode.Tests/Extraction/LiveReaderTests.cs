using CxAsCode.Auth;
using CxAsCode.Extraction;
using CxAsCode.Http;
using CxAsCode.Resources;
using CxAsCode.Tests.Http;
using Newtonsoft.Json.Linq;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CxAsCode.Tests.Extraction;

public sealed class LiveReaderTests
{
    private const string QueuesPath = "/api/v2/routing/queues";

    private WireMockServer _server = null!;
    private HttpClient _http = null!;
    private ResiliencePipelines _pipelines = null!;
    private LiveReader _reader = null!;

    [OneTimeSetUp]
    public void StartServer()
    {
        _server = WireMockServer.Start();
        _http = new HttpClient();
        _pipelines = new ResiliencePipelines(new ResilienceOptions { BaseDelay = TimeSpan.Zero, RequestsPerMinute = 0, MaxRetries = 2 }, TimeProvider.System);
        var masker = new SecretMasker();
        var client = new GenesysClient(_http, new Uri(_server.Url!), new AccessTokenSource("live-reader-token", masker), _pipelines, masker, new RequestCounter(), TimeProvider.System);
        _reader = new LiveReader(client);
    }

    [SetUp]
    public void ResetServer() => _server.Reset();

    [OneTimeTearDown]
    public void StopServer()
    {
        _pipelines.Dispose();
        _http.Dispose();
        _server.Dispose();
    }

    [Test]
    public async Task ReadManyAsync_120Ids_Sends50IdsPerCallAndReturnsOnlyRequestedOnes()
    {
        var ids = Enumerable.Range(1, 120).Select(i => $"q-{i:000}").ToList();
        // The filter is the server's job, but an answer may still hold strangers: only asked-for ids count.
        GivenList(QueuesPath, Entity("q-001"), Entity("q-075"), Entity("q-120"), Entity("stranger"));

        var found = await _reader.ReadManyAsync(ResourceKinds.Queues, ids, CancellationToken.None);

        var requests = _server.Requests();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.Keys, Is.EquivalentTo(new[] { "q-001", "q-075", "q-120" }));
            Assert.That((string?)found["q-075"]["name"], Is.EqualTo("Name q-075"));
            Assert.That(requests, Has.Count.EqualTo(3));
            Assert.That(requests.Select(r => r.Query("id").Count), Is.EqualTo(new[] { 50, 50, 20 }));
            Assert.That(requests.SelectMany(r => r.Query("id")), Is.EqualTo(ids));
            Assert.That(requests.Select(r => r.Query("pageSize").Single()), Is.All.EqualTo("100"));
            Assert.That(requests[0].PathAndQuery(), Does.StartWith(QueuesPath + "?pageSize=100&pageNumber=1&id=q-001&id=q-002&id=q-003"));
        }
    }

    [Test]
    public async Task ReadManyAsync_DuplicateAndEscapedIds_AreSentOnceAndEscaped()
    {
        GivenList("/api/v2/routing/skills", Entity("a b"), Entity("plain"));

        var found = await _reader.ReadManyAsync(ResourceKinds.Skills, ["plain", "a b", "plain"], CancellationToken.None);

        var request = _server.Requests().Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.Keys, Is.EquivalentTo(new[] { "plain", "a b" }));
            Assert.That(request.PathAndQuery(), Is.EqualTo("/api/v2/routing/skills?pageSize=100&pageNumber=1&id=plain&id=a%20b"));
        }
    }

    [Test]
    public async Task ReadManyAsync_NoIds_SendsNothing()
    {
        var found = await _reader.ReadManyAsync(ResourceKinds.Queues, [], CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(found, Is.Empty);
            Assert.That(_server.LogEntries, Is.Empty);
        }
    }

    [Test]
    public async Task ReadAsync_Existing_ReturnsTheObject()
    {
        _server.Given(Request.Create().WithPath(QueuesPath + "/q1").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"id":"q1","name":"Support"}"""));

        var queue = await _reader.ReadAsync(ResourceKinds.Queues, "q1", CancellationToken.None);

        Assert.That((string?)queue?["name"], Is.EqualTo("Support"));
    }

    [Test]
    public async Task ReadAsync_404_ReturnsNull()
    {
        _server.Given(Request.Create().WithPath(QueuesPath + "/gone").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(404).WithBody("""{"code":"not.found","status":404,"message":"Not found"}"""));

        var queue = await _reader.ReadAsync(ResourceKinds.Queues, "gone", CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(queue, Is.Null);
            Assert.That(_server.LogEntries, Has.Count.EqualTo(1));
        }
    }

    [Test]
    public async Task ReadAsync_StateDeleted_ReturnsNull()
    {
        _server.Given(Request.Create().WithPath("/api/v2/routing/skills/s1").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"id":"s1","name":"Billing","state":"deleted"}"""));

        var skill = await _reader.ReadAsync(ResourceKinds.Skills, "s1", CancellationToken.None);

        Assert.That(skill, Is.Null);
    }

    [Test]
    public async Task ReadAsync_IdNeedingEscape_IsEscapedInThePath()
    {
        _server.Given(Request.Create().UsingGet())
            .RespondWith(Response.Create().WithStatusCode(404).WithBody("{}"));

        await _reader.ReadAsync(ResourceKinds.Queues, "../users/me", CancellationToken.None);

        Assert.That(_server.Requests().Single().PathAndQuery(), Is.EqualTo(QueuesPath + "/..%2Fusers%2Fme"));
    }

    [Test]
    public async Task FindByNameAsync_SeveralCandidates_ReturnsOnlyTheExactCaseInsensitiveMatch()
    {
        GivenList(QueuesPath,
            Entity("q-prefix", "Support Queue"),
            Entity("q-deleted", "SUPPORT", "deleted"),
            Entity("q-exact", "support"),
            Entity("q-other", "Support2"));

        var found = await _reader.FindByNameAsync(ResourceKinds.Queues, "Support", CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)found?["id"], Is.EqualTo("q-exact"));
            Assert.That(_server.Requests().Single().PathAndQuery(), Is.EqualTo(QueuesPath + "?pageSize=100&pageNumber=1&name=Support"));
        }
    }

    [Test]
    public async Task FindByNameAsync_OnlyPartialMatches_ReturnsNull()
    {
        GivenList(QueuesPath, Entity("q1", "Support Queue"), Entity("q2", "Tier Support"));

        var found = await _reader.FindByNameAsync(ResourceKinds.Queues, "Support", CancellationToken.None);

        Assert.That(found, Is.Null);
    }

    [Test]
    public async Task FindByNameAsync_NameWithSpacesAndAmpersand_IsEscapedInTheQuery()
    {
        GivenList(QueuesPath, Entity("q1", "Sales & Support EU"));

        var found = await _reader.FindByNameAsync(ResourceKinds.Queues, "Sales & Support EU", CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)found?["id"], Is.EqualTo("q1"));
            Assert.That(_server.Requests().Single().Query("name").Single(), Is.EqualTo("Sales & Support EU"));
            Assert.That(_server.Requests().Single().PathAndQuery(), Does.EndWith("&name=Sales%20%26%20Support%20EU"));
        }
    }

    [Test]
    public async Task ReadMemberIdsAsync_UnsortedPage_ReturnsIdsSorted()
    {
        var sub = ResourceKinds.Queues.SubResources.Single(s => s.Field == "wrapupCodes");
        GivenList(QueuesPath + "/q1/wrapupcodes", Entity("c"), Entity("a"), new JObject { ["name"] = "no id" }, Entity("b"));

        var ids = await _reader.ReadMemberIdsAsync(ResourceKinds.Queues, sub, "q1", CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ids, Is.EqualTo(new[] { "a", "b", "c" }));
            Assert.That(_server.Requests().Single().PathAndQuery(), Is.EqualTo(QueuesPath + "/q1/wrapupcodes?pageSize=100&pageNumber=1"));
        }
    }

    [Test]
    public async Task ReadStateAsync_SkillTheApiMarksDeleted_ToldApartFromA404()
    {
        _server.Given(Request.Create().WithPath("/api/v2/routing/skills/s1").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"id":"s1","name":"Billing","state":"deleted","version":"2"}"""));
        _server.Given(Request.Create().WithPath("/api/v2/routing/skills/s2").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(404).WithBody("""{"code":"not.found","status":404}"""));

        var deleted = await _reader.ReadStateAsync(ResourceKinds.Skills, "s1", CancellationToken.None);
        var missing = await _reader.ReadStateAsync(ResourceKinds.Skills, "s2", CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((deleted.Exists, deleted.MarkedDeleted, deleted.Missing), Is.EqualTo((false, true, false)));
            Assert.That((string?)deleted.Object?["version"], Is.EqualTo("2"));
            Assert.That((missing.Exists, missing.MarkedDeleted, missing.Missing), Is.EqualTo((false, false, true)));
        }
    }

    [Test]
    public async Task ReadMemberIdsIfOwnerExistsAsync_OwnerAnswers404_Null()
    {
        _server.Given(Request.Create().WithPath(QueuesPath + "/gone/wrapupcodes").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(404).WithBody("""{"code":"not.found","status":404}"""));

        var ids = await _reader.ReadMemberIdsIfOwnerExistsAsync(ResourceKinds.Queues, ResourceKinds.Queues.SubResources.Single(s => s.Field == "wrapupCodes"), "gone", CancellationToken.None);

        Assert.That(ids, Is.Null);
    }

    private static JObject Entity(string id, string? name = null, string? state = null)
    {
        var entity = new JObject { ["id"] = id, ["name"] = name ?? "Name " + id };
        if (state is not null)
        {
            entity["state"] = state;
        }

        return entity;
    }

    /// <summary>Every GET of the path answers one last page holding these entities.</summary>
    private void GivenList(string path, params JObject[] entities) =>
        _server.Given(Request.Create().WithPath(path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(new JObject
            {
                ["entities"] = new JArray(entities),
                ["pageSize"] = 100,
                ["pageNumber"] = 1,
                ["pageCount"] = 1,
                ["total"] = entities.Length,
            }.ToString(Newtonsoft.Json.Formatting.None)));
}
