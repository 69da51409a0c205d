using System.Net;

namespace CxAsCode.Tests.Sandbox;

public sealed class ApiGateTests : SandboxFixture
{
    [Test]
    public async Task Get_WithoutToken_Returns401AuthenticationRequiredWithCorrelationId()
    {
        using var response = await Sandbox.SendAsync(HttpMethod.Get, "api/v2/routing/queues", token: string.Empty);
        var body = SandboxClient.Parse(await response.Content.ReadAsStringAsync());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((string?)body["code"], Is.EqualTo("authentication.required"));
            Assert.That((int?)body["status"], Is.EqualTo(401));
            Assert.That((string?)body["contextId"], Is.EqualTo(response.Headers.GetValues("ININ-Correlation-Id").Single()));
        }
    }

    [Test]
    public async Task Get_UnknownToken_Returns401BadCredentials()
    {
        using var response = await Sandbox.SendAsync(HttpMethod.Get, "api/v2/routing/queues", token: "not-a-token");
        var body = SandboxClient.Parse(await response.Content.ReadAsStringAsync());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((string?)body["code"], Is.EqualTo("bad.credentials"));
        }
    }

    [Test]
    public async Task Get_AfterTokensExpire_Returns401BadCredentials()
    {
        await Sandbox.AdminAsync(HttpMethod.Post, "sandbox/tokens/expire");

        var (status, body) = await Sandbox.ApiAsync(HttpMethod.Get, "api/v2/routing/skills");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((string?)body?["code"], Is.EqualTo("bad.credentials"));
        }
    }

    [Test]
    public async Task Get_UnknownRoute_Returns404NotFoundErrorBody()
    {
        var (status, body) = await Sandbox.ApiAsync(HttpMethod.Get, "api/v2/architect/flows");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((string?)body?["code"], Is.EqualTo("not.found"));
            Assert.That(body?["details"], Is.Empty);
            Assert.That(body?["errors"], Is.Empty);
        }
    }

    [Test]
    public async Task Post_MalformedJson_Returns400BadRequest()
    {
        var (status, body) = await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/skills", "{\"name\": ");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)body?["code"], Is.EqualTo("bad.request"));
        }
    }
}
