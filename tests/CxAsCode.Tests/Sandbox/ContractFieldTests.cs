using System.Net;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Sandbox;

/// <summary>Every field the sandbox returns must exist, with that exact name, on the real model.</summary>
public sealed class ContractFieldTests : SandboxFixture
{
    private ContractModels _contract = null!;

    [OneTimeSetUp]
    public void LoadContract() => _contract = ContractModels.Load();

    [Test]
    public async Task QueueList_EveryField_ExistsOnQueueModels()
    {
        var solar = await Sandbox.IdOfAsync("api/v2/routing/skills", "Solar");
        await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/queues", JObject.Parse(
            $"{{\"name\":\"Contract Queue\",\"callingPartyNumber\":\"+441234\",\"queueFlow\":{{\"id\":\"f1\",\"name\":\"Flow\"}}," +
            $"\"memberGroups\":[{{\"id\":\"g1\",\"type\":\"GROUP\"}}],\"bullseye\":{{\"rings\":[{{\"expansionCriteria\":[{{\"type\":\"TIMEOUT_SECONDS\",\"threshold\":5}}]," +
            $"\"actions\":{{\"skillsToRemove\":[{{\"id\":\"{solar}\"}}]}}}}]}}}}"));

        var list = await Sandbox.GetObjectAsync("api/v2/routing/queues?pageSize=500");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((int?)list["total"], Is.EqualTo(9));
            Assert.That(_contract.UnknownFields("QueueEntityListing", list), Is.Empty);
        }
    }

    [Test]
    public async Task SkillList_AndDeletedSkill_EveryField_ExistsOnRoutingSkill()
    {
        var id = await Sandbox.IdOfAsync("api/v2/routing/skills", "Welsh");
        await Sandbox.ApiAsync(HttpMethod.Delete, $"api/v2/routing/skills/{id}");

        var list = await Sandbox.GetObjectAsync("api/v2/routing/skills");
        var deleted = await Sandbox.GetObjectAsync($"api/v2/routing/skills/{id}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_contract.UnknownFields("SkillEntityListing", list), Is.Empty);
            Assert.That(_contract.UnknownFields("RoutingSkill", deleted), Is.Empty);
        }
    }

    [Test]
    public async Task WrapupCodeLists_EveryField_ExistsOnWrapupCode()
    {
        var queueId = await Sandbox.IdOfAsync("api/v2/routing/queues", "Billing Support");

        var list = await Sandbox.GetObjectAsync("api/v2/routing/wrapupcodes");
        var queueCodes = await Sandbox.GetObjectAsync($"api/v2/routing/queues/{queueId}/wrapupcodes");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_contract.UnknownFields("WrapupCodeEntityListing", list), Is.Empty);
            Assert.That(_contract.UnknownFields("WrapupCodeEntityListing", queueCodes), Is.Empty);
        }
    }

    [Test]
    public async Task DivisionList_EveryField_ExistsOnAuthzDivision()
    {
        var list = await Sandbox.GetObjectAsync("api/v2/authorization/divisions");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((int?)list["total"], Is.EqualTo(3));
            Assert.That(_contract.UnknownFields("AuthzDivisionEntityListing", list), Is.Empty);
        }
    }

    [Test]
    public async Task ErrorBody_DuplicateName_EveryField_ExistsOnErrorBody()
    {
        var (status, body) = await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/queues", new { name = "Payments" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(_contract.UnknownFields("ErrorBody", body!), Is.Empty);
        }
    }

    [Test]
    public async Task TokenResponse_EveryField_ExistsOnAuthTokenInfo()
    {
        using var response = await Sandbox.RequestTokenAsync(CxAsCode.Sandbox.SandboxCredentials.ClientId, CxAsCode.Sandbox.SandboxCredentials.ClientSecret);
        var body = SandboxClient.Parse(await response.Content.ReadAsStringAsync());

        Assert.That(_contract.UnknownFields("AuthTokenInfo", body), Is.Empty);
    }
}
