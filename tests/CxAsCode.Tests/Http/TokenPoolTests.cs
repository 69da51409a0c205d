using CxAsCode.Auth;
using CxAsCode.Http;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CxAsCode.Tests.Http;

/// <summary>Issue 11: tokens from the same credentials, each paced in its own window, brought in only when the
/// ones in use are out of slots; a 429 blocks one token, a 401 renews one token.</summary>
public sealed class TokenPoolTests
{
    private WireMockServer _server = null!;

    [OneTimeSetUp]
    public void StartServer() => _server = WireMockServer.Start();

    [SetUp]
    public void ResetServer() => _server.Reset();

    [OneTimeTearDown]
    public void StopServer() => _server.Dispose();

    [Test]
    public async Task AcquireAsync_FewRequests_UseOneToken()
    {
        using var pool = Pool(size: 10, perToken: 5, out var made);

        for (var i = 0; i < 5; i++)
        {
            await pool.AcquireAsync(CancellationToken.None);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(pool.TokensInUse, Is.EqualTo(1));
            Assert.That(made, Has.Count.EqualTo(1), "no token source beyond the first");
        }
    }

    [Test]
    public async Task AcquireAsync_FirstTokenOutOfSlots_BringsInTheNextEachWithinItsLimit()
    {
        using var pool = Pool(size: 3, perToken: 4, out _);

        for (var i = 0; i < 11; i++)
        {
            await pool.AcquireAsync(CancellationToken.None);
        }

        Assert.That(pool.RequestsPerToken, Is.EqualTo(new[] { 4, 4, 3 }));
    }

    [Test]
    public async Task AcquireAsync_EveryTokenOutOfSlots_WaitsInsteadOfExceedingALimit()
    {
        using var pool = Pool(size: 2, perToken: 2, out _);
        for (var i = 0; i < 4; i++)
        {
            await pool.AcquireAsync(CancellationToken.None);
        }

        var fifth = pool.AcquireAsync(CancellationToken.None).AsTask();
        var finished = await Task.WhenAny(fifth, Task.Delay(TimeSpan.FromMilliseconds(300)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(finished, Is.Not.SameAs(fifth), "a fifth request inside the minute must wait for a slot");
            Assert.That(pool.RequestsPerToken, Is.EqualTo(new[] { 2, 2 }));
        }
    }

    [Test]
    public async Task AcquireAsync_TokenBlockedByA429_GoesToAnotherToken()
    {
        using var pool = Pool(size: 2, perToken: 100, out _);
        var first = await pool.AcquireAsync(CancellationToken.None);

        first.BlockFor(TimeSpan.FromSeconds(30));
        var next = await pool.AcquireAsync(CancellationToken.None);

        Assert.That(next.Number, Is.EqualTo(2));
    }

    [Test]
    public void Constructor_PreIssuedToken_IsAPoolOfOne()
    {
        using var pool = new TokenPool(new Source("pre-issued"), more: null, size: 10, requestsPerMinute: 300, TimeProvider.System);

        Assert.That(pool.Size, Is.EqualTo(1));
    }

    [Test]
    public async Task SendAsync_401OnTheSecondToken_RenewsThatTokenOnly()
    {
        _server.Given(Request.Create().WithPath("/q").UsingGet().WithHeader("Authorization", "Bearer token-2-v1"))
            .RespondWith(Response.Create().WithStatusCode(401).WithBody("""{"status":401,"code":"bad.credentials","message":"expired"}"""));
        _server.Given(Request.Create().WithPath("/q").UsingGet().WithHeader("Authorization", "Bearer token-*-v*"))
            .AtPriority(10)
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("{}"));
        var sources = new List<Source>();
        using var pool = new TokenPool(Made(sources), () => Made(sources), size: 2, requestsPerMinute: 2, TimeProvider.System);
        var client = Client(pool, TimeProvider.System);

        for (var i = 0; i < 3; i++)
        {
            await client.GetAsync("/q", CancellationToken.None);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sources.Select(s => s.Invalidations), Is.EqualTo(new[] { 0, 1 }));
            Assert.That(Authorizations(), Is.EqualTo(new[] { "Bearer token-1-v1", "Bearer token-1-v1", "Bearer token-2-v1", "Bearer token-2-v2" }));
        }
    }

    [Test]
    public async Task SendAsync_429OnOneToken_OthersCarryOnWhileItWaits()
    {
        _server.Given(Request.Create().WithPath("/q").UsingGet().WithHeader("Authorization", "Bearer token-1-v1"))
            .InScenario("limited").WillSetStateTo("answered")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "30").WithBody("""{"status":429,"code":"too.many.requests.retry.after","message":"Rate limit exceeded the maximum. Retry the request in [30] seconds"}"""));
        _server.Given(Request.Create().WithPath("/q").UsingGet())
            .AtPriority(10)
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("{}"));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
        var sources = new List<Source>();
        using var pool = new TokenPool(Made(sources), () => Made(sources), size: 2, requestsPerMinute: 100, time);
        var client = Client(pool, time);

        var waiting = client.GetAsync("/q", CancellationToken.None);
        await WaitUntilAsync(() => pool.BlockedTokens == 1);
        await client.GetAsync("/q", CancellationToken.None);
        var whileWaiting = waiting.IsCompleted;
        time.Advance(TimeSpan.FromSeconds(31));
        await waiting;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(whileWaiting, Is.False, "the limited request waits out its Retry-After");
            Assert.That(Authorizations(), Is.EqualTo(new[] { "Bearer token-1-v1", "Bearer token-2-v1", "Bearer token-1-v1" }));
        }
    }

    private IEnumerable<string?> Authorizations() =>
        _server.LogEntries.Select(e => e.RequestMessage?.Headers?["Authorization"][0]);

    private static TokenPool Pool(int size, int perToken, out List<Source> made)
    {
        var sources = new List<Source>();
        made = sources;
        return new TokenPool(Made(sources), () => Made(sources), size, perToken, TimeProvider.System);
    }

    private static Source Made(List<Source> sources)
    {
        var source = new Source($"token-{sources.Count + 1}");
        sources.Add(source);
        return source;
    }

    private GenesysClient Client(TokenPool pool, TimeProvider time)
    {
        var pipelines = new ResiliencePipelines(new ResilienceOptions { RequestsPerMinute = 100, BaseDelay = TimeSpan.Zero, MaxRetries = 2 }, time);
        return new GenesysClient(new HttpClient(), new Uri(_server.Url!), pool, pipelines, new SecretMasker(), new RequestCounter(), time);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.That(condition(), Is.True, "timed out waiting");
    }

    /// <summary>A token source whose token changes each time it is invalidated: <c>token-N-vK</c>.</summary>
    private sealed class Source(string name) : ITokenSource
    {
        public int Invalidations { get; private set; }

        public bool CanRenew => true;

        public string Description => name;

        public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult($"{name}-v{Invalidations + 1}");

        public void Invalidate() => Invalidations++;
    }
}
