using System.Net;
using CxAsCode.Sandbox;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Sandbox;

public sealed class OAuthTokenTests : SandboxFixture
{
    [Test]
    public async Task PostToken_SandboxCredentials_ReturnsOpaqueBearerToken()
    {
        using var response = await Sandbox.RequestTokenAsync(SandboxCredentials.ClientId, SandboxCredentials.ClientSecret);
        var body = SandboxClient.Parse(await response.Content.ReadAsStringAsync());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(((string?)body["access_token"])?.Length, Is.GreaterThanOrEqualTo(43));
            Assert.That((string?)body["token_type"], Is.EqualTo("bearer"));
            Assert.That((int?)body["expires_in"], Is.EqualTo(86400));
            Assert.That(response.Headers.Contains("ININ-Correlation-Id"), Is.True);
        }
    }

    [Test]
    public async Task PostToken_WrongSecret_Returns401InvalidClient()
    {
        using var response = await Sandbox.RequestTokenAsync(SandboxCredentials.ClientId, "wrong");
        var body = (JObject)SandboxClient.Parse(await response.Content.ReadAsStringAsync());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((string?)body["error"], Is.EqualTo("invalid_client"));
            Assert.That(body.ContainsKey("description"), Is.True);
            Assert.That(body.ContainsKey("error_description"), Is.True);
        }
    }

    [Test]
    public async Task PostToken_PasswordGrant_Returns400UnsupportedGrantType()
    {
        using var response = await Sandbox.RequestTokenAsync(SandboxCredentials.ClientId, SandboxCredentials.ClientSecret, "password");
        var body = SandboxClient.Parse(await response.Content.ReadAsStringAsync());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)body["error"], Is.EqualTo("unsupported_grant_type"));
        }
    }

    [Test]
    public async Task PostToken_RequestLog_KeepsNeitherBodyNorCredentials()
    {
        await Sandbox.RefreshTokenAsync();
        await Sandbox.ApiAsync(HttpMethod.Get, "api/v2/routing/skills");

        var log = await Sandbox.RequestLogAsync();
        var text = log.ToString();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(log, Has.Count.EqualTo(2));
            Assert.That((string?)log[0]["path"], Is.EqualTo("/oauth/token"));
            Assert.That((string?)log[0]["body"], Is.Empty);
            Assert.That(text, Does.Not.Contain(SandboxCredentials.ClientSecret));
            Assert.That(text, Does.Not.Contain(Sandbox.Token));
            Assert.That(text, Does.Not.Contain("Basic "));
        }
    }

    [Test]
    public async Task PostToken_MoreThanTheClientsTokensPerMinute_Answers429WithRetryAfterAndCountsOnlyIssued()
    {
        await Sandbox.AdminAsync(HttpMethod.Post, "sandbox/reset", new { seed = "default" }); // fresh issuance window
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 61; i++)
        {
            var response = await Sandbox.RequestTokenAsync(SandboxCredentials.ClientId, SandboxCredentials.ClientSecret);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                response.Dispose();
            }
        }

        using (refused)
        {
            var body = refused is null ? [] : (JObject)SandboxClient.Parse(await refused.Content.ReadAsStringAsync());
            var issued = await Sandbox.AdminAsync(HttpMethod.Get, "sandbox/tokens");
            using (Assert.EnterMultipleScope())
            {
                Assert.That(statuses.Take(60), Has.All.EqualTo(HttpStatusCode.OK));
                Assert.That(statuses[^1], Is.EqualTo(HttpStatusCode.TooManyRequests));
                Assert.That(refused?.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
                Assert.That((string?)body["code"], Is.EqualTo("too.many.requests.retry.after"));
                Assert.That((long?)issued["issued"], Is.EqualTo(60));
            }
        }

        Time.Advance(TimeSpan.FromSeconds(61));
        using var later = await Sandbox.RequestTokenAsync(SandboxCredentials.ClientId, SandboxCredentials.ClientSecret);
        Assert.That(later.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the window moves on");
    }
}
