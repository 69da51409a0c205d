using System.Net;
using CxAsCode.Sandbox;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Sandbox;

public sealed class RateLimitTests : SandboxFixture
{
    private protected override SandboxOptions CreateOptions()
    {
        var options = base.CreateOptions();
        options.RequestsPerMinute = 3;
        return options;
    }

    internal static JObject ExpectedBody(int seconds, string contextId) => new()
    {
        ["message"] = $"Rate limit exceeded the maximum. Retry the request in [{seconds}] seconds",
        ["code"] = "too.many.requests.retry.after",
        ["status"] = 429,
        ["contextId"] = contextId,
        ["details"] = new JArray(),
        ["errors"] = new JArray(),
    };

    [Test]
    public async Task Get_FourthRequestInOneMinute_Returns429WithRetryAfterAndExactBody()
    {
        await Sandbox.ApiAsync(HttpMethod.Get, "api/v2/routing/skills");
        Time.Advance(TimeSpan.FromSeconds(10));
        await Sandbox.ApiAsync(HttpMethod.Get, "api/v2/routing/skills");
        await Sandbox.ApiAsync(HttpMethod.Get, "api/v2/routing/skills");

        using var response = await Sandbox.SendAsync(HttpMethod.Get, "api/v2/routing/skills");
        var text = await response.Content.ReadAsStringAsync();
        var contextId = response.Headers.GetValues("ININ-Correlation-Id").Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(response.Headers.GetValues("Retry-After").Single(), Is.EqualTo("50"));
            Assert.That(JToken.DeepEquals(SandboxClient.Parse(text), ExpectedBody(50, contextId)), Is.True, text);
        }
    }

    [Test]
    public async Task Get_AfterTheWindowSlides_IsAllowedAgain()
    {
        for (var i = 0; i < 3; i++)
        {
            await Sandbox.ApiAsync(HttpMethod.Get, "api/v2/routing/skills");
        }

        var (limited, _) = await Sandbox.ApiAsync(HttpMethod.Get, "api/v2/routing/skills");
        Time.Advance(TimeSpan.FromSeconds(60));
        var (allowed, _) = await Sandbox.ApiAsync(HttpMethod.Get, "api/v2/routing/skills");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(limited, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(allowed, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task Get_SecondToken_HasItsOwnWindow()
    {
        for (var i = 0; i < 3; i++)
        {
            await Sandbox.ApiAsync(HttpMethod.Get, "api/v2/routing/skills");
        }

        await Sandbox.RefreshTokenAsync();
        var (status, _) = await Sandbox.ApiAsync(HttpMethod.Get, "api/v2/routing/skills");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task PutRateLimit_Zero_MeansUnlimited()
    {
        await Sandbox.AdminAsync(HttpMethod.Put, "sandbox/ratelimit", new { requestsPerMinute = 0 });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            statuses.Add((await Sandbox.ApiAsync(HttpMethod.Get, "api/v2/routing/skills")).Status);
        }

        Assert.That(statuses, Has.All.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task AdminSurface_ManyCalls_IsNeverRateLimited()
    {
        for (var i = 0; i < 10; i++)
        {
            await Sandbox.AdminAsync(HttpMethod.Get, "sandbox/state");
        }

        var (status, _) = await Sandbox.ApiAsync(HttpMethod.Get, "api/v2/routing/skills");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
    }
}
