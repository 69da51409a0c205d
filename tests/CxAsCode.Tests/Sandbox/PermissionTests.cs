using System.Net;
using CxAsCode.Sandbox;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Sandbox;

/// <summary>OAuth clients with a role limited to some divisions and permissions (registered through
/// <c>/sandbox/clients</c>): 403 <c>missing.permissions</c> outside the role, lists limited to what the
/// role sees; the default client keeps full access.</summary>
public sealed class PermissionTests : SandboxFixture
{
    private string _residential = string.Empty;

    [SetUp]
    public async Task RegisterResidentialQueueEditorAsync() => _residential = await Sandbox.RegisterClientAsync(
        "residential-editor",
        new { division = "Residential", permissions = new[] { "routing:queue:view", "routing:queue:edit" } });

    [Test]
    public async Task PutQueue_InADivisionOutsideTheRole_Returns403MissingPermissionsNamingDivisionAndObject()
    {
        var id = await Sandbox.IdOfAsync("api/v2/routing/queues", "Business Accounts");
        var business = await Sandbox.IdOfAsync("api/v2/authorization/divisions", "Business");
        var queue = await Sandbox.GetObjectAsync($"api/v2/routing/queues/{id}");
        queue["description"] = "Not yours to change";
        await Sandbox.AdminAsync(HttpMethod.Delete, "sandbox/requests");

        var (status, body) = await Sandbox.ApiAsAsync(_residential, HttpMethod.Put, $"api/v2/routing/queues/{id}", queue);
        var state = await Sandbox.StateOfAsync("queues", "Business Accounts");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((string?)body?["code"], Is.EqualTo("missing.permissions"));
            Assert.That((int?)body?["status"], Is.EqualTo(403));
            Assert.That((string?)body?["message"], Is.EqualTo("Unable to perform the requested action. You are missing the following permission(s): routing:queue:edit"));
            Assert.That((string?)body?["entityId"], Is.EqualTo(id));
            Assert.That((string?)body?["entityName"], Is.EqualTo("Business Accounts"));
            Assert.That(JToken.DeepEquals(body?["details"], JArray.Parse($"[{{\"errorCode\":\"missing.permissions\",\"fieldName\":\"division\",\"entityId\":\"{business}\",\"entityName\":\"Business\"}}]")), Is.True, body?["details"]?.ToString());
            Assert.That((string?)state["description"], Is.EqualTo("Commercial account management"), "nothing changed");
            Assert.That((int?)(await Sandbox.RequestLogAsync())[0]["status"], Is.EqualTo(403));
        }
    }

    [Test]
    public async Task PutQueue_InsideTheRole_IsApplied()
    {
        var id = await Sandbox.IdOfAsync("api/v2/routing/queues", "Payments");
        var queue = await Sandbox.GetObjectAsync($"api/v2/routing/queues/{id}");
        queue["description"] = "Changed by a Residential editor";

        var (status, body) = await Sandbox.ApiAsAsync(_residential, HttpMethod.Put, $"api/v2/routing/queues/{id}", queue);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToString());
            Assert.That((string?)(await Sandbox.StateOfAsync("queues", "Payments"))["description"], Is.EqualTo("Changed by a Residential editor"));
        }
    }

    [Test]
    public async Task ListQueues_LimitedClient_SeesOnlyItsDivisions()
    {
        var limited = await Sandbox.ApiAsAsync(_residential, HttpMethod.Get, "api/v2/routing/queues?pageSize=100");
        var full = await Sandbox.GetObjectAsync("api/v2/routing/queues?pageSize=100");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(limited.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(limited.Body!["entities"]!.Select(q => (string?)q["division"]!["name"]).Distinct(), Is.EqualTo(new[] { "Residential" }));
            Assert.That((int?)limited.Body["total"], Is.EqualTo(7));
            Assert.That((int?)full["total"], Is.EqualTo(10), "the default client sees every division");
        }
    }

    [Test]
    public async Task GetQueue_OutsideTheRole_Returns403()
    {
        var id = await Sandbox.IdOfAsync("api/v2/routing/queues", "Solar Sales");

        var (status, body) = await Sandbox.ApiAsAsync(_residential, HttpMethod.Get, $"api/v2/routing/queues/{id}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((string?)body?["message"], Does.EndWith("routing:queue:view"));
        }
    }

    [Test]
    public async Task ListSkills_PermissionNowhere_Returns403()
    {
        var (status, body) = await Sandbox.ApiAsAsync(_residential, HttpMethod.Get, "api/v2/routing/skills");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((string?)body?["message"], Does.EndWith("routing:skill:view"));
        }
    }

    [Test]
    public async Task PostDivisionObjects_IntoADivisionOutsideTheRole_Returns403AndMovesNothing()
    {
        var id = await Sandbox.IdOfAsync("api/v2/routing/queues", "Payments");
        var business = await Sandbox.IdOfAsync("api/v2/authorization/divisions", "Business");

        var (status, body) = await Sandbox.ApiAsAsync(_residential, HttpMethod.Post, $"api/v2/authorization/divisions/{business}/objects/QUEUE", new[] { id });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((string?)body?["details"]?[0]?["entityName"], Is.EqualTo("Business"));
            Assert.That((string?)(await Sandbox.StateOfAsync("queues", "Payments"))["division"]!["name"], Is.EqualTo("Residential"));
        }
    }

    [Test]
    public async Task PutWrapupCode_InAllDivisions_NeedsTheRoleInAllDivisions()
    {
        var editor = await Sandbox.RegisterClientAsync("code-editor", new { division = "Home", permissions = new[] { "routing:wrapupCode:*" } });
        var everywhere = await Sandbox.RegisterClientAsync("all-codes", new { division = "*", permissions = new[] { "routing:wrapupCode:*" } });
        var id = await Sandbox.IdOfAsync("api/v2/routing/wrapupcodes", "Vulnerability Flagged");

        var (homeOnly, _) = await Sandbox.ApiAsAsync(editor, HttpMethod.Put, $"api/v2/routing/wrapupcodes/{id}", new { name = "Vulnerability Flagged", division = new { id = "*" } });
        var (allDivisions, _) = await Sandbox.ApiAsAsync(everywhere, HttpMethod.Put, $"api/v2/routing/wrapupcodes/{id}", new { name = "Vulnerability Flagged", division = new { id = "*" } });
        var listed = await Sandbox.ApiAsAsync(editor, HttpMethod.Get, "api/v2/routing/wrapupcodes?name=Vulnerability%20Flagged");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(homeOnly, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(allDivisions, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((int?)listed.Body?["total"], Is.EqualTo(1), "a code in all divisions is visible to anyone who sees one");
        }
    }

    [Test]
    public async Task DeleteClient_ItsTokens_Return401BadCredentials()
    {
        await Sandbox.AdminAsync(HttpMethod.Delete, "sandbox/clients/residential-editor");

        var (status, body) = await Sandbox.ApiAsAsync(_residential, HttpMethod.Get, "api/v2/routing/queues");
        var clients = await Sandbox.AdminAsync(HttpMethod.Get, "sandbox/clients");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((string?)body?["code"], Is.EqualTo("bad.credentials"));
            Assert.That(clients, Is.Empty);
        }
    }

    [Test]
    public async Task GetClients_ListsRolesButNeverSecrets()
    {
        var clients = await Sandbox.AdminAsync(HttpMethod.Get, "sandbox/clients");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)clients[0]!["clientId"], Is.EqualTo("residential-editor"));
            Assert.That((string?)clients[0]!["grants"]![0]!["division"], Is.EqualTo("Residential"));
            Assert.That(clients.ToString(), Does.Not.Contain("secret-residential-editor"));
        }
    }

    [Test]
    public async Task PostClients_DefaultClientId_Returns400()
    {
        using var response = await Sandbox.SendAsync(HttpMethod.Post, "sandbox/clients", new { clientId = SandboxCredentials.ClientId, clientSecret = "x", grants = Array.Empty<object>() }, token: string.Empty);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task PostToken_RegisteredClientWrongSecret_Returns401InvalidClient()
    {
        using var response = await Sandbox.RequestTokenAsync("residential-editor", "wrong");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
