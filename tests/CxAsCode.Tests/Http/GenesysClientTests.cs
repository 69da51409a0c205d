using CxAsCode.Auth;
using CxAsCode.Http;
using Newtonsoft.Json.Linq;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CxAsCode.Tests.Http;

/// <summary>
/// The one HTTP client against a WireMock server: request shape here; paging, error mapping, retries and
/// secret masking in the partial files beside it.
/// </summary>
public sealed partial class GenesysClientTests
{
    private const string Token = "test-bearer-token-7f3a9c";
    private const string QueuesPath = "/api/v2/routing/queues";

    private readonly List<IDisposable> _disposables = [];
    private WireMockServer _server = null!;
    private SecretMasker _masker = null!;

    [OneTimeSetUp]
    public void StartServer() => _server = WireMockServer.Start();

    [SetUp]
    public void ResetServer()
    {
        _server.Reset();
        _masker = new SecretMasker();
    }

    [TearDown]
    public void DisposeClients()
    {
        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }

        _disposables.Clear();
    }

    [OneTimeTearDown]
    public void StopServer() => _server.Dispose();

    [Test]
    public async Task SendAsync_AnyRequest_CarriesBearerTokenAndAcceptJson()
    {
        _server.Given(Request.Create().WithPath(QueuesPath + "/q1").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"id":"q1","name":"Support"}"""));
        var client = CreateClient();

        var result = await client.GetAsync(QueuesPath + "/q1", CancellationToken.None);

        var request = _server.Requests().Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)result?["name"], Is.EqualTo("Support"));
            Assert.That(request.Header("Authorization"), Is.EqualTo("Bearer " + Token));
            Assert.That(request.Header("Accept"), Is.EqualTo("application/json"));
            Assert.That(request.Body(), Is.Null.Or.Empty);
        }
    }

    [Test]
    public async Task SendAsync_PostWithBody_SendsCompactJsonAsApplicationJson()
    {
        _server.Given(Request.Create().WithPath(QueuesPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"id":"new-id"}"""));
        var client = CreateClient();
        var body = JObject.Parse("""
            {
              "name": "Support \"EU\"",
              "description": "Line one\nLine two",
              "acwSettings": { "wrapupPrompt": "OPTIONAL", "timeoutMs": 30000 }
            }
            """);

        var result = await client.SendAsync(HttpMethod.Post, QueuesPath, body, CancellationToken.None);

        var request = _server.Requests().Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)result?["id"], Is.EqualTo("new-id"));
            Assert.That(request.Method(), Is.EqualTo("POST"));
            Assert.That(request.Header("Content-Type"), Does.StartWith("application/json"));
            Assert.That(request.Header("Authorization"), Is.EqualTo("Bearer " + Token));
            Assert.That(request.Header("Accept"), Is.EqualTo("application/json"));
            Assert.That(
                request.Body(),
                Is.EqualTo("""{"name":"Support \"EU\"","description":"Line one\nLine two","acwSettings":{"wrapupPrompt":"OPTIONAL","timeoutMs":30000}}"""));
        }
    }

    [Test]
    public async Task SendAsync_EmptyResponse_ReturnsNull()
    {
        _server.Given(Request.Create().WithPath(QueuesPath + "/q1").UsingDelete())
            .RespondWith(Response.Create().WithStatusCode(204));
        var client = CreateClient();

        var result = await client.SendAsync(HttpMethod.Delete, QueuesPath + "/q1", null, CancellationToken.None);

        Assert.That(result, Is.Null);
    }

    [Test]
    public async Task SendAsync_EveryAttempt_IsCountedByMethod()
    {
        _server.Given(Request.Create().WithPath(QueuesPath).UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("{}"));
        var client = CreateClient();

        await client.GetAsync(QueuesPath, CancellationToken.None);
        await client.GetAsync(QueuesPath, CancellationToken.None);
        await client.SendAsync(HttpMethod.Post, QueuesPath, new JObject(), CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(client.Counter.Of("GET"), Is.EqualTo(2));
            Assert.That(client.Counter.Of("POST"), Is.EqualTo(1));
            Assert.That(client.Counter.Total, Is.EqualTo(_server.LogEntries.Count));
        }
    }

    /// <summary>Zero backoff, no pacing: retries run back to back, never sleeping for real.</summary>
    private static ResilienceOptions FastOptions(int maxRetries = 3) => new()
    {
        BaseDelay = TimeSpan.Zero,
        RequestsPerMinute = 0,
        MaxRetries = maxRetries,
        AttemptTimeout = TimeSpan.FromSeconds(10),
    };

    private GenesysClient CreateClient(ResilienceOptions? options = null, ITokenSource? tokens = null)
    {
        var http = Track(new HttpClient());
        var pipelines = Track(new ResiliencePipelines(options ?? FastOptions(), TimeProvider.System));
        return new GenesysClient(http, new Uri(_server.Url!), tokens ?? new AccessTokenSource(Token, _masker), pipelines, _masker, new RequestCounter(), TimeProvider.System);
    }

    private T Track<T>(T disposable)
        where T : IDisposable
    {
        _disposables.Add(disposable);
        return disposable;
    }

    /// <summary>A Genesys error body (§7) with the given status and code.</summary>
    private static string ErrorBody(int status, string code, string message, string contextId = "ctx-1") =>
        new JObject
        {
            ["message"] = message,
            ["code"] = code,
            ["status"] = status,
            ["contextId"] = contextId,
            ["details"] = new JArray(),
            ["errors"] = new JArray(),
        }.ToString(Newtonsoft.Json.Formatting.None);
}
