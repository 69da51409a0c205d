using System.Net;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Sandbox;

public sealed class QueueEndpointTests : SandboxFixture
{
    [Test]
    public async Task PostQueue_DuplicateNameInOtherCase_Returns400DuplicateName()
    {
        var (status, body) = await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/queues", new { name = "billing support" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)body?["code"], Is.EqualTo("duplicate.name"));
        }
    }

    [Test]
    public async Task PostQueue_FullBody_StoresWritableFieldsAndDropsUnknownOnes()
    {
        var business = await Sandbox.IdOfAsync("api/v2/authorization/divisions", "Business");
        var solar = await Sandbox.IdOfAsync("api/v2/routing/skills", "Solar");
        var body = new JObject
        {
            ["name"] = "Heat Pumps",
            ["description"] = "Heat pump sales",
            ["division"] = new JObject { ["id"] = business },
            ["acwSettings"] = new JObject { ["wrapupPrompt"] = "AGENT_REQUESTED", ["timeoutMs"] = 30000 },
            ["bullseye"] = JObject.Parse($"{{\"rings\":[{{\"actions\":{{\"skillsToRemove\":[{{\"id\":\"{solar}\"}}]}}}},{{}}]}}"),
            ["sourceQueueId"] = "not-on-the-queue-model",
            ["madeUpField"] = true,
            ["memberCount"] = 99,
        };

        var (status, queue) = await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/queues", body);
        Settle();
        var read = await Sandbox.GetObjectAsync($"api/v2/routing/queues/{queue?["id"]}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(JToken.DeepEquals(read, queue), Is.True);
            Assert.That((string?)read["division"]?["name"], Is.EqualTo("Business"));
            Assert.That((int?)read["acwSettings"]?["timeoutMs"], Is.EqualTo(30000));
            var expectedSkill = new JObject
            {
                ["id"] = solar,
                ["name"] = "Solar",
                ["selfUri"] = $"/api/v2/routing/skills/{solar}",
            };
            Assert.That(JToken.DeepEquals(read.SelectToken("bullseye.rings[0].actions.skillsToRemove[0]"), expectedSkill), Is.True);
            Assert.That(read.ContainsKey("sourceQueueId"), Is.False);
            Assert.That(read.ContainsKey("madeUpField"), Is.False);
            Assert.That((int?)read["memberCount"], Is.EqualTo(0));
            Assert.That((int?)read["userMemberCount"], Is.EqualTo(0));
            Assert.That((int?)read["joinedMemberCount"], Is.EqualTo(0));
            Assert.That(read.ContainsKey("version"), Is.False);
        }
    }

    [Test]
    public async Task PostQueue_NoDivision_UsesHomeDivision()
    {
        var (_, queue) = await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/queues", new { name = "Overflow" });

        Assert.That((string?)queue?["division"]?["name"], Is.EqualTo("Home"));
    }

    [TestCase("division")]
    [TestCase("skill")]
    public async Task PostQueue_UnknownReference_Returns400InvalidValue(string reference)
    {
        var unknown = Guid.NewGuid().ToString();
        var body = reference == "division"
            ? new JObject { ["name"] = "Ghost", ["division"] = new JObject { ["id"] = unknown } }
            : JObject.Parse($"{{\"name\":\"Ghost\",\"bullseye\":{{\"rings\":[{{\"actions\":{{\"skillsToRemove\":[{{\"id\":\"{unknown}\"}}]}}}},{{}}]}}}}");

        var (status, error) = await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/queues", body);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)error?["code"], Is.EqualTo("invalid.value"));
        }
    }

    [Test]
    public async Task PutQueue_BodyWithoutSomeFields_ClearsThoseFieldsAndDefaultsTheRequiredOnes()
    {
        var id = await Sandbox.IdOfAsync("api/v2/routing/queues", "Billing Support");
        var before = await Sandbox.GetObjectAsync($"api/v2/routing/queues/{id}");

        var (status, after) = await Sandbox.ApiAsync(HttpMethod.Put, $"api/v2/routing/queues/{id}", new
        {
            name = "Billing Support",
            description = "Only this is left",
            division = new { id = (string)before["division"]!["id"]! },
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((string?)after?["description"], Is.EqualTo("Only this is left"));
            Assert.That(before.ContainsKey("bullseye"), Is.True);
            Assert.That(((JObject)after!).ContainsKey("bullseye"), Is.False);
            Assert.That(((JObject)after).ContainsKey("callingPartyName"), Is.False);
            Assert.That((int?)after.SelectToken("mediaSettings.email.alertingTimeoutSeconds"), Is.EqualTo(300), "media settings come back as the server's defaults");
            Assert.That((string?)after["skillEvaluationMethod"], Is.EqualTo("ALL"), "the server default replaces the BEST it had");
            Assert.That((int?)after.SelectToken("acwSettings.timeoutMs"), Is.EqualTo(30000), "the server default replaces the 60000 it had");
            Assert.That((string?)after["dateCreated"], Is.EqualTo((string?)before["dateCreated"]));
        }
    }

    [Test]
    public async Task PutQueue_NameOfAnotherQueue_Returns400DuplicateName()
    {
        var id = await Sandbox.IdOfAsync("api/v2/routing/queues", "Billing Support");

        var (status, body) = await Sandbox.ApiAsync(HttpMethod.Put, $"api/v2/routing/queues/{id}", new { name = "Payments" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)body?["code"], Is.EqualTo("duplicate.name"));
        }
    }

    [Test]
    public async Task DeleteQueue_ExistingThenAgain_Returns204Then404()
    {
        var id = await Sandbox.IdOfAsync("api/v2/routing/queues", "Complaints");

        var (first, _) = await Sandbox.ApiAsync(HttpMethod.Delete, $"api/v2/routing/queues/{id}?forceDelete=true");
        var (second, _) = await Sandbox.ApiAsync(HttpMethod.Delete, $"api/v2/routing/queues/{id}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(second, Is.EqualTo(HttpStatusCode.NotFound));
        }
    }
}
