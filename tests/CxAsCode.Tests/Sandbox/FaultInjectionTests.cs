using System.Net;
using CxAsCode.Sandbox;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Sandbox;

public sealed class FaultInjectionTests : SandboxFixture
{
    [Test]
    public async Task StatusFault_OnThirdMatchingRequest_AnswersOnlyThatOneWithoutApplyingIt()
    {
        await Sandbox.AdminAsync(HttpMethod.Post, "sandbox/faults", new { method = "POST", path = "^/api/v2/routing/skills$", nth = 3, status = 500, name = "third-post" });

        var statuses = new List<HttpStatusCode>();
        JToken? error = null;
        foreach (var name in new[] { "S1", "S2", "S3", "S4" })
        {
            var (status, body) = await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/skills", new { name });
            statuses.Add(status);
            error = status == HttpStatusCode.InternalServerError ? body : error;
        }

        var third = await Sandbox.GetObjectAsync("api/v2/routing/skills?name=S3");
        var log = await Sandbox.RequestLogAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.InternalServerError, HttpStatusCode.OK }));
            Assert.That((string?)error?["code"], Is.EqualTo("internal.server.error"));
            Assert.That((int?)third["total"], Is.EqualTo(0));
            Assert.That(log.Take(4).Select(e => (string?)e["fault"]), Is.EqualTo(new[] { null, null, "third-post", null }));
            Assert.That(log.Take(4).Select(e => (int?)e["status"]), Is.EqualTo(new int?[] { 200, 200, 500, 200 }));
        }
    }

    [Test]
    public async Task StatusFault_TimesTwo_HitsTwoConsecutiveMatches()
    {
        await Sandbox.AdminAsync(HttpMethod.Post, "sandbox/faults", new { method = "GET", path = "^/api/v2/routing/queues", status = 503, times = 2 });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await Sandbox.ApiAsync(HttpMethod.Get, "api/v2/routing/queues")).Status);
        }

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK }));
    }

    [Test]
    public async Task DropAfterApply_Post_AppliesTheWriteButTheClientGetsNoResponse()
    {
        await Sandbox.AdminAsync(HttpMethod.Post, "sandbox/faults", new { method = "POST", path = "^/api/v2/routing/skills$", dropAfterApply = true });

        await Assert.ThatAsync(
            () => Sandbox.SendAsync(HttpMethod.Post, "api/v2/routing/skills", new { name = "Applied But Lost" }),
            Throws.InstanceOf<HttpRequestException>());

        Settle();
        var list = await Sandbox.GetObjectAsync("api/v2/routing/skills?name=Applied%20But%20Lost");
        var log = await Sandbox.RequestLogAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That((int?)list["total"], Is.EqualTo(1));
            Assert.That((int?)log[0]["status"], Is.EqualTo(0));
            Assert.That((string?)log[0]["fault"], Does.StartWith("fault-"));
            Assert.That((string?)log[0]["body"], Is.EqualTo("{\"name\":\"Applied But Lost\"}"));
        }
    }

    [Test]
    public async Task ApplyAfter_ClientGaveUp_WriteLandsLaterAndTheConnectionCloses()
    {
        await Sandbox.AdminAsync(HttpMethod.Post, "sandbox/faults", new { method = "POST", path = "^/api/v2/routing/skills$", applyAfterMs = 32000, name = "late" });
        var sentAt = Time.GetUtcNow();

        using (var giveUp = new CancellationTokenSource())
        {
            var send = Sandbox.SendAsync(HttpMethod.Post, "api/v2/routing/skills", new { name = "Applied Late" }, cancellation: giveUp.Token);
            await WaitingAsync(1);
            await giveUp.CancelAsync();
            await Assert.ThatAsync(() => send, Throws.InstanceOf<OperationCanceledException>(), "the client times out first");
        }

        var before = await SkillNamedAsync("Applied Late");
        Time.Advance(TimeSpan.FromSeconds(32));
        await WaitingAsync(0);
        var after = await SkillNamedAsync("Applied Late");
        await EventuallyAsync(async () => (await Sandbox.RequestLogAsync()).Count == 1, "the held request is logged once it is done");
        var log = await Sandbox.RequestLogAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(before, Is.Null, "nothing applied while the request is held");
            Assert.That((string?)after?["dateModified"], Is.EqualTo(CxAsCode.Sandbox.Store.SandboxClock.Format(sentAt.AddSeconds(32))));
            Assert.That(log.Select(e => ((string?)e["fault"], (int?)e["status"])), Is.EqualTo(new[] { ((string?)"late", (int?)0) }));
        }
    }

    [Test]
    public async Task ApplyAfter_ClientStillWaiting_GetsNoResponseButTheWriteLands()
    {
        await Sandbox.AdminAsync(HttpMethod.Post, "sandbox/faults", new { method = "POST", path = "^/api/v2/routing/skills$", applyAfterMs = 1000 });

        var send = Sandbox.SendAsync(HttpMethod.Post, "api/v2/routing/skills", new { name = "Held Then Applied" });
        await WaitingAsync(1);
        Time.Advance(TimeSpan.FromSeconds(1));

        await Assert.ThatAsync(() => send, Throws.InstanceOf<HttpRequestException>());
        Assert.That(await SkillNamedAsync("Held Then Applied"), Is.Not.Null);
    }

    [Test]
    public async Task Fault429_WithRetryAfter_SendsRealRateLimitBodyAndHeader()
    {
        await Sandbox.AdminAsync(HttpMethod.Post, "sandbox/faults", new { path = "^/api/v2/routing/wrapupcodes$", status = 429, retryAfter = 2 });

        using var response = await Sandbox.SendAsync(HttpMethod.Get, "api/v2/routing/wrapupcodes");
        var body = SandboxClient.Parse(await response.Content.ReadAsStringAsync());
        var contextId = response.Headers.GetValues("ININ-Correlation-Id").Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(2)));
            Assert.That(JToken.DeepEquals(body, RateLimitTests.ExpectedBody(2, contextId)), Is.True, body.ToString());
        }
    }

    [Test]
    public async Task EchoRequest_StatusFault_ErrorMessageRepeatsAuthorizationAndBody()
    {
        await Sandbox.AdminAsync(HttpMethod.Post, "sandbox/faults", new { method = "POST", path = "skills", status = 500, echoRequest = true });

        var (status, body) = await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/skills", new { name = "Echoed" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That((string?)body?["message"], Does.Contain($"Bearer {Sandbox.Token}"));
            Assert.That((string?)body?["message"], Does.Contain("\"name\":\"Echoed\""));
        }
    }

    [Test]
    public async Task DeleteFaults_RegisteredFault_NeverFires()
    {
        await Sandbox.AdminAsync(HttpMethod.Post, "sandbox/faults", new { status = 500 });
        await Sandbox.AdminAsync(HttpMethod.Delete, "sandbox/faults");

        var (status, _) = await Sandbox.ApiAsync(HttpMethod.Get, "api/v2/routing/skills");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task PostFault_InvalidRegex_Returns400()
    {
        using var response = await Sandbox.SendAsync(HttpMethod.Post, "sandbox/faults", new { path = "([" }, token: string.Empty);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task StatusFault_OnTokenEndpoint_AnswersWithErrorStatus()
    {
        await Sandbox.AdminAsync(HttpMethod.Post, "sandbox/faults", new { path = "^/oauth/token$", status = 503 });

        using var response = await Sandbox.RequestTokenAsync(SandboxCredentials.ClientId, SandboxCredentials.ClientSecret);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
    }

    /// <summary>Polls the fault list (briefly, in real time) until the late-apply faults hold
    /// <paramref name="count"/> requests: the server has to reach its wait before the test moves the clock.</summary>
    private Task WaitingAsync(int count) => EventuallyAsync(
        async () => (await Sandbox.AdminAsync(HttpMethod.Get, "sandbox/faults")).Sum(f => (int)f["waiting"]!) == count,
        $"the sandbox holds {count} request(s)");

    /// <summary>Polls briefly (real time, 10 ms steps, 5 s at most) for something another thread does.</summary>
    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        for (var attempt = 0; attempt < 500; attempt++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(10);
        }

        Assert.Fail($"never happened: {what}");
    }

    private async Task<JToken?> SkillNamedAsync(string name) =>
        (await Sandbox.AdminAsync(HttpMethod.Get, "sandbox/state"))["skills"]!.SingleOrDefault(s => (string?)s["name"] == name);
}
