using System.Net;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Sandbox;

/// <summary>Divisions as the platform does them: wrap-up codes in all divisions, queue moves only through
/// the divisions' objects endpoint.</summary>
public sealed class DivisionTests : SandboxFixture
{
    [Test]
    public async Task PostWrapupCode_NoDivision_ReadsBackInAllDivisions()
    {
        var (_, created) = await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/wrapupcodes", new { name = "Everywhere" });
        var (_, explicitStar) = await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/wrapupcodes", new { name = "Everywhere Too", division = new { id = "*" } });
        Settle();
        var read = await Sandbox.GetObjectAsync($"api/v2/routing/wrapupcodes/{created?["id"]}");
        var seeded = await Sandbox.GetObjectAsync("api/v2/routing/wrapupcodes?name=Vulnerability%20Flagged");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(JToken.DeepEquals(read["division"], JObject.Parse("{\"id\":\"*\",\"name\":\"*\",\"selfUri\":\"/api/v2/authorization/divisions/*\"}")), Is.True, read["division"]?.ToString());
            Assert.That((string?)explicitStar?["division"]?["id"], Is.EqualTo("*"));
            Assert.That((string?)seeded["entities"]![0]!["division"]!["id"], Is.EqualTo("*"));
        }
    }

    [Test]
    public async Task ListWrapupCodes_DivisionIdFilter_IncludesCodesInAllDivisions()
    {
        var residential = await Sandbox.IdOfAsync("api/v2/authorization/divisions", "Residential");

        var page = await Sandbox.GetObjectAsync($"api/v2/routing/wrapupcodes?divisionId={residential}");

        Assert.That(page["entities"]!.Select(c => (string?)c["name"]), Is.EqualTo(new[] { "Outage Reported", "Payment Taken", "Vulnerability Flagged" }));
    }

    [Test]
    public async Task PutQueue_OtherDivisionInBody_LeavesTheDivisionAsItWas()
    {
        var id = await Sandbox.IdOfAsync("api/v2/routing/queues", "Payments");
        var business = await Sandbox.IdOfAsync("api/v2/authorization/divisions", "Business");
        var queue = await Sandbox.GetObjectAsync($"api/v2/routing/queues/{id}");
        queue["division"] = new JObject { ["id"] = business };

        var (status, answer) = await Sandbox.ApiAsync(HttpMethod.Put, $"api/v2/routing/queues/{id}", queue);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((string?)answer?["division"]?["name"], Is.EqualTo("Residential"));
        }
    }

    [Test]
    public async Task PostDivisionObjects_Queue_MovesItAndAnswers204()
    {
        var id = await Sandbox.IdOfAsync("api/v2/routing/queues", "Payments");
        var business = await Sandbox.IdOfAsync("api/v2/authorization/divisions", "Business");

        using var response = await Sandbox.SendAsync(HttpMethod.Post, $"api/v2/authorization/divisions/{business}/objects/QUEUE", new[] { id });
        var lagging = await Sandbox.GetObjectAsync($"api/v2/routing/queues/{id}");
        Settle();
        var moved = await Sandbox.GetObjectAsync($"api/v2/routing/queues/{id}");
        var inBusiness = await Sandbox.GetObjectAsync($"api/v2/routing/queues?divisionId={business}");
        var log = await Sandbox.RequestLogAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.Empty);
            Assert.That((string?)lagging["division"]?["name"], Is.EqualTo("Residential"), "a move lags like any write");
            Assert.That((string?)moved["division"]?["name"], Is.EqualTo("Business"));
            Assert.That(inBusiness["entities"]!.Select(q => (string?)q["name"]), Is.EqualTo(new[] { "Business Accounts", "Payments", "Solar Sales" }));
            Assert.That(log.Where(e => (string?)e["method"] == "POST").Select(e => $"{e["path"]} {e["status"]} {e["body"]}"), Is.EqualTo(new[]
            {
                $"/api/v2/authorization/divisions/{business}/objects/QUEUE 204 [\"{id}\"]",
            }));
        }
    }

    [TestCase("SKILL", "invalid.value", "Value [SKILL] is not valid for field type [ObjectType]. Allowable values are: CAMPAIGN, MANAGEMENTUNIT, FLOW, QUEUE, DATATABLES, USER")]
    [TestCase("FLOW", "bad.request", "The sandbox does not emulate FLOW objects; only QUEUE and USER objects can be moved.")]
    public async Task PostDivisionObjects_TypeNotEmulated_Returns400(string objectType, string code, string message)
    {
        var business = await Sandbox.IdOfAsync("api/v2/authorization/divisions", "Business");

        var (status, body) = await Sandbox.ApiAsync(HttpMethod.Post, $"api/v2/authorization/divisions/{business}/objects/{objectType}", new[] { Guid.NewGuid().ToString() });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)body?["code"], Is.EqualTo(code));
            Assert.That((string?)body?["message"], Is.EqualTo(message));
        }
    }

    [Test]
    public async Task PostDivisionObjects_OneUnknownQueue_MovesNone()
    {
        var id = await Sandbox.IdOfAsync("api/v2/routing/queues", "Payments");
        var business = await Sandbox.IdOfAsync("api/v2/authorization/divisions", "Business");

        var (status, body) = await Sandbox.ApiAsync(HttpMethod.Post, $"api/v2/authorization/divisions/{business}/objects/QUEUE", new[] { id, Guid.NewGuid().ToString() });
        var payments = await Sandbox.StateOfAsync("queues", "Payments");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)body?["code"], Is.EqualTo("invalid.value"));
            Assert.That((string?)payments["division"]?["name"], Is.EqualTo("Residential"));
        }
    }

    [Test]
    public async Task PostDivisionObjects_UnknownDivision_Returns404()
    {
        var id = await Sandbox.IdOfAsync("api/v2/routing/queues", "Payments");

        var (status, body) = await Sandbox.ApiAsync(HttpMethod.Post, $"api/v2/authorization/divisions/{Guid.NewGuid()}/objects/QUEUE", new[] { id });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((string?)body?["code"], Is.EqualTo("not.found"));
        }
    }
}
