using System.Diagnostics;
using System.Globalization;
using CxAsCode.Auth;
using CxAsCode.Http;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CxAsCode.Tests.Http;

public sealed partial class GenesysClientTests
{
    private const string TooManyRequests = "too.many.requests.retry.after";

    [Test]
    public async Task SendAsync_429WithRetryAfterOneTwiceThen200_SucceedsOnThirdAttemptAfterWaiting()
    {
        GivenSequence(QueuesPath, "POST",
            Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1").WithBody(ErrorBody(429, TooManyRequests, "Rate limit exceeded the maximum. Retry the request in [1] seconds")),
            Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1").WithBody(ErrorBody(429, TooManyRequests, "Rate limit exceeded the maximum. Retry the request in [1] seconds")),
            Response.Create().WithStatusCode(200).WithBody("""{"id":"created"}"""));
        var client = CreateClient();

        var result = await client.SendAsync(HttpMethod.Post, QueuesPath, new JObject { ["name"] = "Q" }, CancellationToken.None);

        var times = _server.Requests().Select(e => e.Time()).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)result?["id"], Is.EqualTo("created"));
            Assert.That(times, Has.Count.EqualTo(3));
            Assert.That(times[1] - times[0], Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950)));
            Assert.That(times[2] - times[1], Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950)));
            Assert.That(_server.Requests().Select(e => e.Body()), Is.All.EqualTo("""{"name":"Q"}"""));
        }
    }

    [Test]
    public async Task SendAsync_RetryAfterBeyondMaxRetryAfter_ThrowsBudgetExceededWithoutWaiting()
    {
        _server.Given(Request.Create().WithPath(QueuesPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "3600").WithBody(ErrorBody(429, TooManyRequests, "Retry the request in [3600] seconds")));
        var options = FastOptions();
        options.MaxRetryAfter = TimeSpan.FromSeconds(30);
        var client = CreateClient(options);
        var clock = Stopwatch.StartNew();

        await Assert.ThatAsync(
            () => client.SendAsync(HttpMethod.Post, QueuesPath, new JObject(), CancellationToken.None),
            Throws.TypeOf<RateLimitBudgetExceededException>()
                .With.Message.Contains("3600 s").And.Message.Contains("30 s")
                .And.InnerException.TypeOf<RateLimitedException>());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
            Assert.That(_server.LogEntries.Count, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task SendAsync_RetryAfterAsPastHttpDate_FallsBackToBackoffAndSucceeds()
    {
        var past = TimeProvider.System.GetUtcNow().AddHours(-1).ToString("r", CultureInfo.InvariantCulture);
        GivenSequence(QueuesPath, "GET",
            Response.Create().WithStatusCode(429).WithHeader("Retry-After", past).WithBody(ErrorBody(429, TooManyRequests, "slow down")),
            Response.Create().WithStatusCode(429).WithHeader("Retry-After", past).WithBody(ErrorBody(429, TooManyRequests, "slow down")),
            Response.Create().WithStatusCode(200).WithBody("""{"id":"q"}"""));
        var client = CreateClient();

        var result = await client.GetAsync(QueuesPath, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)result?["id"], Is.EqualTo("q"));
            Assert.That(_server.LogEntries.Count, Is.EqualTo(3));
        }
    }

    [Test]
    public async Task SendAsync_RetryAfterAsFutureHttpDate_WaitsUntilThatDateOnTheClock()
    {
        // Polly waits on the injected clock, so a fake one proves the wait without sleeping through it.
        var time = new FakeTimeProvider();
        var until = time.GetUtcNow().AddSeconds(30).ToString("r", CultureInfo.InvariantCulture);
        GivenSequence(QueuesPath, "GET",
            Response.Create().WithStatusCode(429).WithHeader("Retry-After", until).WithBody(ErrorBody(429, TooManyRequests, "slow down")),
            Response.Create().WithStatusCode(200).WithBody("""{"id":"q"}"""));
        var options = FastOptions();
        options.AttemptTimeout = TimeSpan.FromHours(1);
        var http = Track(new HttpClient());
        var pipelines = Track(new ResiliencePipelines(options, time));
        var client = new GenesysClient(http, new Uri(_server.Url!), new AccessTokenSource(Token, _masker), pipelines, _masker, new RequestCounter(), time);

        var call = client.GetAsync(QueuesPath, CancellationToken.None);
        await _server.WaitForRequestsAsync(1, TimeSpan.FromSeconds(5));
        await Task.Delay(200); // let the client read the 429 and start waiting
        time.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(100);
        var requestsBeforeTheDate = _server.LogEntries.Count;
        time.Advance(TimeSpan.FromSeconds(1));
        var result = await call.WaitAsync(TimeSpan.FromSeconds(5));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(requestsBeforeTheDate, Is.EqualTo(1));
            Assert.That((string?)result?["id"], Is.EqualTo("q"));
            Assert.That(_server.LogEntries, Has.Count.EqualTo(2));
        }
    }

    [Test]
    public async Task SendAsync_RetryAfterAsPastHttpDateForever_StopsAfterMaxRetriesNoHotLoop()
    {
        var past = TimeProvider.System.GetUtcNow().AddHours(-1).ToString("r", CultureInfo.InvariantCulture);
        _server.Given(Request.Create().WithPath(QueuesPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", past).WithBody(ErrorBody(429, TooManyRequests, "slow down")));
        var client = CreateClient(FastOptions(maxRetries: 4));

        await Assert.ThatAsync(() => client.GetAsync(QueuesPath, CancellationToken.None), Throws.TypeOf<RateLimitedException>());

        Assert.That(_server.LogEntries.Count, Is.EqualTo(5));
    }

    [Test]
    public async Task SendAsync_429Storm_AttemptsAtMostMaxRetriesPlusOne()
    {
        _server.Given(Request.Create().WithPath(QueuesPath).UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "0").WithBody(ErrorBody(429, TooManyRequests, "Retry the request in [0] seconds")));
        var client = CreateClient(FastOptions(maxRetries: 3));

        var error = await CatchAsync<RateLimitedException>(() => client.SendAsync(HttpMethod.Post, QueuesPath, new JObject(), CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Status, Is.EqualTo(429));
            Assert.That(error.RetryAfter, Is.EqualTo(TimeSpan.Zero));
            Assert.That(_server.LogEntries.Count, Is.EqualTo(4));
            Assert.That(client.Counter.Of("POST"), Is.EqualTo(4));
        }
    }

    [TestCase(500, "internal.server.error")]
    [TestCase(503, "service.unavailable")]
    public async Task SendAsync_ServerErrorOnPost_IsNotRetried(int status, string code)
    {
        _server.Given(Request.Create().WithPath(QueuesPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status).WithBody(ErrorBody(status, code, "down")));
        var client = CreateClient();

        var error = await CatchAsync<ApiException>(() => client.SendAsync(HttpMethod.Post, QueuesPath, new JObject(), CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Status, Is.EqualTo(status));
            Assert.That(_server.LogEntries.Count, Is.EqualTo(1), "a POST that may have applied is never resent");
        }
    }

    [Test]
    public async Task SendAsync_503OnGetThen200_RetriesAndSucceeds()
    {
        GivenSequence(QueuesPath, "GET",
            Response.Create().WithStatusCode(503).WithBody(ErrorBody(503, "service.unavailable", "down")),
            Response.Create().WithStatusCode(503).WithBody(ErrorBody(503, "service.unavailable", "down")),
            Response.Create().WithStatusCode(200).WithBody("""{"id":"q"}"""));
        var client = CreateClient();

        var result = await client.GetAsync(QueuesPath, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)result?["id"], Is.EqualTo("q"));
            Assert.That(_server.LogEntries.Count, Is.EqualTo(3));
        }
    }

    [Test]
    public async Task SendAsync_503OnGetForever_StopsAfterMaxRetries()
    {
        _server.Given(Request.Create().WithPath(QueuesPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(503).WithBody(ErrorBody(503, "service.unavailable", "down")));
        var client = CreateClient(FastOptions(maxRetries: 2));

        var error = await CatchAsync<ApiException>(() => client.GetAsync(QueuesPath, CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Status, Is.EqualTo(503));
            Assert.That(_server.LogEntries.Count, Is.EqualTo(3));
        }
    }

    [Test]
    public async Task SendAsync_401OnceThen200_FetchesANewTokenAndSucceeds()
    {
        GivenSequence("/oauth/token", "POST",
            Response.Create().WithStatusCode(200).WithBody("""{"access_token":"first-token-aaaa","token_type":"bearer","expires_in":86400}"""),
            Response.Create().WithStatusCode(200).WithBody("""{"access_token":"second-token-bbbb","token_type":"bearer","expires_in":86400}"""));
        GivenSequence(QueuesPath, "GET",
            Response.Create().WithStatusCode(401).WithBody(ErrorBody(401, "authentication.required", "No authentication bearer token specified")),
            Response.Create().WithStatusCode(200).WithBody("""{"id":"q"}"""));
        var client = CreateClient(tokens: ClientCredentials());

        var result = await client.GetAsync(QueuesPath, CancellationToken.None);

        var api = _server.Requests(QueuesPath);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)result?["id"], Is.EqualTo("q"));
            Assert.That(_server.Requests("/oauth/token"), Has.Count.EqualTo(2));
            Assert.That(api.Select(e => e.Header("Authorization")), Is.EqualTo(new[] { "Bearer first-token-aaaa", "Bearer second-token-bbbb" }));
        }
    }

    [Test]
    public async Task SendAsync_401Twice_ThrowsApiAuthenticationExceptionWithoutAThirdAttempt()
    {
        _server.Given(Request.Create().WithPath("/oauth/token").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"access_token":"some-token-cccc","token_type":"bearer","expires_in":86400}"""));
        _server.Given(Request.Create().WithPath(QueuesPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(401).WithBody(ErrorBody(401, "bad.credentials", "Invalid login credentials")));
        var client = CreateClient(tokens: ClientCredentials());

        var error = await CatchAsync<ApiAuthenticationException>(() => client.GetAsync(QueuesPath, CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Status, Is.EqualTo(401));
            Assert.That(error.Code, Is.EqualTo("bad.credentials"));
            Assert.That(_server.Requests(QueuesPath), Has.Count.EqualTo(2));
            Assert.That(_server.Requests("/oauth/token"), Has.Count.EqualTo(2));
        }
    }

    [Test]
    public async Task SendAsync_401WithAPreIssuedToken_IsFinalAfterOneRequest()
    {
        _server.Given(Request.Create().WithPath(QueuesPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(401).WithBody(ErrorBody(401, "bad.credentials", "Invalid login credentials")));
        var client = CreateClient(tokens: new AccessTokenSource("pre-issued-token-dddd", _masker));

        await CatchAsync<ApiAuthenticationException>(() => client.GetAsync(QueuesPath, CancellationToken.None));

        Assert.That(_server.Requests(QueuesPath), Has.Count.EqualTo(1), "the same token would only be refused again");
    }

    [Test]
    public async Task SendAsync_TokenEndpointRefusesTheClient_AsksForATokenOnce()
    {
        _server.Given(Request.Create().WithPath("/oauth/token").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(400).WithBody("""{"error":"invalid_client","description":"client not found","error_description":"client not found"}"""));
        var client = CreateClient(tokens: ClientCredentials());

        await CatchAsync<ApiAuthenticationException>(() => client.GetAsync(QueuesPath, CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_server.Requests("/oauth/token"), Has.Count.EqualTo(1));
            Assert.That(_server.Requests(QueuesPath), Is.Empty);
        }
    }

    [Test]
    public async Task SendAsync_PostWhoseResponseNeverComes_ThrowsResponseLostAfterOneRequest()
    {
        _server.Given(Request.Create().WithPath(QueuesPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"id":"late"}""").WithDelay(TimeSpan.FromMilliseconds(700)));
        var options = FastOptions();
        options.AttemptTimeout = TimeSpan.FromMilliseconds(200);
        var client = CreateClient(options);

        await Assert.ThatAsync(
            () => client.SendAsync(HttpMethod.Post, QueuesPath, new JObject { ["name"] = "Q" }, CancellationToken.None),
            Throws.TypeOf<ResponseLostException>().With.Message.Contains("may or may not have applied"));

        // The server logs a request when its (delayed) response ends: wait for it, then make sure it was the only one.
        await _server.WaitForRequestsAsync(2, TimeSpan.FromSeconds(1.5));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_server.LogEntries.Count, Is.EqualTo(1));
            Assert.That(client.Counter.Of("POST"), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task SendAsync_GetWhoseResponseNeverComes_IsRetriedAndSucceeds()
    {
        // The slow answer moves the scenario on only when its delay ends, so the attempts made meanwhile time
        // out too; the first attempt after that gets the fast answer.
        _server.Given(Request.Create().WithPath(QueuesPath).UsingGet())
            .InScenario("slow-get").WillSetStateTo("fast")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"id":"slow"}""").WithDelay(TimeSpan.FromMilliseconds(400)));
        _server.Given(Request.Create().WithPath(QueuesPath).UsingGet())
            .InScenario("slow-get").WhenStateIs("fast")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"id":"fast"}"""));
        var options = FastOptions(maxRetries: 5);
        options.AttemptTimeout = TimeSpan.FromMilliseconds(200);
        var client = CreateClient(options);

        var result = await client.GetAsync(QueuesPath, CancellationToken.None);

        await _server.WaitForRequestsAsync(client.Counter.Of("GET"), TimeSpan.FromSeconds(2));
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)result?["id"], Is.EqualTo("fast"));
            Assert.That(client.Counter.Of("GET"), Is.InRange(2, 6));
            Assert.That(_server.LogEntries.Count, Is.EqualTo(client.Counter.Of("GET")));
        }
    }

    [Test]
    public async Task SendAsync_GetWhoseResponseNeverComesAtAll_GivesUpAfterMaxRetriesWithoutResponseLost()
    {
        _server.Given(Request.Create().WithPath(QueuesPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("{}").WithDelay(TimeSpan.FromMilliseconds(300)));
        var options = FastOptions(maxRetries: 1);
        options.AttemptTimeout = TimeSpan.FromMilliseconds(100);
        var client = CreateClient(options);

        await Assert.ThatAsync(() => client.GetAsync(QueuesPath, CancellationToken.None), Throws.TypeOf<Polly.Timeout.TimeoutRejectedException>());

        await _server.WaitForRequestsAsync(2, TimeSpan.FromSeconds(2));
        Assert.That(_server.LogEntries.Count, Is.EqualTo(2));
    }

    /// <summary>One mapping per response, answered in order through a WireMock scenario; the last one repeats.</summary>
    private void GivenSequence(string path, string method, params IResponseBuilder[] responses)
    {
        var scenario = $"{method} {path}";
        for (var i = 0; i < responses.Length; i++)
        {
            var mapping = _server.Given(Request.Create().WithPath(path).UsingMethod(method)).InScenario(scenario);
            if (i > 0)
            {
                mapping = mapping.WhenStateIs($"step-{i}");
            }

            if (i < responses.Length - 1)
            {
                mapping = mapping.WillSetStateTo($"step-{i + 1}");
            }

            mapping.RespondWith(responses[i]);
        }
    }

    private ClientCredentialsTokenSource ClientCredentials() =>
        Track(new ClientCredentialsTokenSource(Track(new HttpClient()), new Uri(_server.Url!), "client-id-1234", "client-secret-5678", _masker, TimeProvider.System));
}
