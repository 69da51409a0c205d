using System.Net;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Sandbox;

public sealed class WrapupCodeEndpointTests : SandboxFixture
{
    [Test]
    public async Task PostWrapupCode_NoDivision_CreatesInAllDivisions()
    {
        var (status, code) = await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/wrapupcodes", new { name = "Meter Read Taken", description = "Reading logged" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((string?)code?["division"]?["id"], Is.EqualTo("*"));
            Assert.That((string?)code?["description"], Is.EqualTo("Reading logged"));
            Assert.That((string?)code?["createdBy"], Is.Not.Null);
            Assert.That((string?)code?["dateCreated"], Is.Not.Null);
        }
    }

    [Test]
    public async Task PostWrapupCode_DuplicateNameInOtherCase_Returns400DuplicateName()
    {
        var (status, body) = await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/wrapupcodes", new { name = "resolved" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)body?["code"], Is.EqualTo("duplicate.name"));
        }
    }

    [Test]
    public async Task PostWrapupCode_UnknownDivision_Returns400InvalidValue()
    {
        var (status, body) = await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/wrapupcodes", new { name = "X", division = new { id = Guid.NewGuid() } });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)body?["code"], Is.EqualTo("invalid.value"));
        }
    }

    [Test]
    public async Task PutWrapupCode_WithoutDescription_ReplacesNameAndClearsDescription()
    {
        var id = await Sandbox.IdOfAsync("api/v2/routing/wrapupcodes", "Escalated");

        var (status, code) = await Sandbox.ApiAsync(HttpMethod.Put, $"api/v2/routing/wrapupcodes/{id}", new { name = "Escalated to TL" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((string?)code?["name"], Is.EqualTo("Escalated to TL"));
            Assert.That(((JObject)code!).ContainsKey("description"), Is.False);
        }
    }

    [Test]
    public async Task PutWrapupCode_NameOfAnotherCode_Returns400DuplicateName()
    {
        var id = await Sandbox.IdOfAsync("api/v2/routing/wrapupcodes", "Escalated");

        var (status, body) = await Sandbox.ApiAsync(HttpMethod.Put, $"api/v2/routing/wrapupcodes/{id}", new { name = "Resolved" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)body?["code"], Is.EqualTo("duplicate.name"));
        }
    }

    [Test]
    public async Task DeleteWrapupCode_AssignedToQueues_RemovesItEverywhere()
    {
        var id = await Sandbox.IdOfAsync("api/v2/routing/wrapupcodes", "Resolved");

        var (status, _) = await Sandbox.ApiAsync(HttpMethod.Delete, $"api/v2/routing/wrapupcodes/{id}");
        var state = await Sandbox.AdminAsync(HttpMethod.Get, "sandbox/state");
        Settle();
        var (getStatus, _) = await Sandbox.ApiAsync(HttpMethod.Get, $"api/v2/routing/wrapupcodes/{id}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(getStatus, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(state["queues"]!.SelectMany(q => q["wrapupCodes"]!).Select(c => (string?)c), Has.None.EqualTo(id));
        }
    }
}
