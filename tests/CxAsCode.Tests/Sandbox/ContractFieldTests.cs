using System.Net;
using CxAsCode.Sandbox;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Sandbox;

/// <summary>Every field the sandbox returns must exist, with that exact name, on the real model.</summary>
public sealed class ContractFieldTests : SandboxFixture
{
    private ContractModels _contract = null!;

    /// <summary>The contract stops one level below the queue models; ConditionalGroupRoutingRule's fields
    /// are copied here from the SDK (platform-client-sdk-dotnet v270, build/docs/ConditionalGroupRoutingRule.md).</summary>
    [OneTimeSetUp]
    public void LoadContract() => _contract = ContractModels.Load().With(
        "ConditionalGroupRoutingRule",
        ("queue", "DomainEntityRef"), ("metric", "string"), ("operator", "string"), ("conditionValue", "double?"), ("groups", "List<MemberGroup>"), ("waitSeconds", "int?"));

    [Test]
    public async Task QueueList_EveryField_ExistsOnQueueModels()
    {
        var solar = await Sandbox.IdOfAsync("api/v2/routing/skills", "Solar");
        var inQueue = await Sandbox.IdOfAsync("api/v2/flows", "In-Queue Flow");
        await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/queues", JObject.Parse(
            $"{{\"name\":\"Contract Queue\",\"callingPartyNumber\":\"+441234\",\"queueFlow\":{{\"id\":\"{inQueue}\",\"name\":\"Flow\"}}," +
            $"\"memberGroups\":[{{\"id\":\"g1\",\"type\":\"GROUP\"}}],\"bullseye\":{{\"rings\":[{{\"expansionCriteria\":[{{\"type\":\"TIMEOUT_SECONDS\",\"threshold\":5}}]," +
            $"\"actions\":{{\"skillsToRemove\":[{{\"id\":\"{solar}\"}}]}}}},{{\"memberGroups\":[{{\"id\":\"g2\",\"type\":\"TEAM\"}}]}}]}}}}"));
        Settle();

        var list = await Sandbox.GetObjectAsync("api/v2/routing/queues?pageSize=500");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((int?)list["total"], Is.EqualTo(11));
            Assert.That(_contract.UnknownFields("QueueEntityListing", list), Is.Empty);
        }
    }

    [Test]
    public async Task QueueMembers_EveryField_ExistsOnQueueMemberModels()
    {
        var queue = await Sandbox.IdOfAsync("api/v2/routing/queues", "Billing Support");
        var users = (await Sandbox.GetObjectAsync("api/v2/users?pageSize=500"))["entities"]!.Select(u => new { id = (string)u["id"]! }).ToArray();
        await Sandbox.ApiAsync(HttpMethod.Post, $"api/v2/routing/queues/{queue}/members", users);
        Settle();

        var list = await Sandbox.GetObjectAsync($"api/v2/routing/queues/{queue}/members?pageSize=100");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(list["entities"]!.Count(), Is.EqualTo(users.Length));
            Assert.That(_contract.UnknownFields("QueueMemberEntityListing", list), Is.Empty);
        }
    }

    [TestCase("api/v2/routing/languages?pageSize=100", "LanguageEntityListing")]
    [TestCase("api/v2/architect/schedules?pageSize=100", "ScheduleEntityListing")]
    [TestCase("api/v2/architect/schedulegroups?pageSize=100", "ScheduleGroupEntityListing")]
    [TestCase("api/v2/users?pageSize=500&state=any&expand=skills,languages", "UserEntityListing")]
    [TestCase("api/v2/flows?pageSize=500", "FlowEntityListing")]
    public async Task List_LanguagesSchedulesGroupsUsers_EveryFieldExistsOnTheModel(string path, string model)
    {
        var list = await Sandbox.GetObjectAsync(path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(list["entities"], Is.Not.Empty);
            Assert.That(_contract.UnknownFields(model, list), Is.Empty);
        }
    }

    [Test]
    public async Task SkillList_DeletedAndInactiveSkills_EveryFieldExistsOnRoutingSkillAndStatesAreTheEnums()
    {
        var id = await Sandbox.IdOfAsync("api/v2/routing/skills", "Welsh");
        await Sandbox.ApiAsync(HttpMethod.Delete, $"api/v2/routing/skills/{id}");
        Time.Advance(TimeSpan.FromSeconds(5));

        var list = await Sandbox.GetObjectAsync("api/v2/routing/skills?pageSize=100");
        var deleted = await Sandbox.GetObjectAsync($"api/v2/routing/skills/{id}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_contract.UnknownFields("SkillEntityListing", list), Is.Empty);
            Assert.That(_contract.UnknownFields("RoutingSkill", deleted), Is.Empty);
            Assert.That(list["entities"]!.Select(s => (string?)s["state"]).Distinct().Order(), Is.EqualTo(new[] { "active", "deleted", "inactive" }));
        }
    }

    [Test]
    public async Task Queue_ConditionalGroupRoutingAndRingMemberGroups_EveryFieldExistsOnQueue()
    {
        var id = await Sandbox.IdOfAsync("api/v2/routing/queues", "Priority Services");

        var queue = await Sandbox.GetObjectAsync($"api/v2/routing/queues/{id}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(queue.SelectToken("conditionalGroupRouting.rules[1].queue"), Is.Not.Null, "the rules are really there to check");
            Assert.That(queue.SelectToken("bullseye.rings[1].memberGroups[0].type"), Is.Not.Null);
            Assert.That(_contract.UnknownFields("Queue", queue), Is.Empty);
        }
    }

    [Test]
    public async Task WrapupCode_InAllDivisions_EveryFieldExistsOnWrapupCode()
    {
        var list = await Sandbox.GetObjectAsync("api/v2/routing/wrapupcodes?name=Vulnerability%20Flagged");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)list["entities"]![0]!["division"]!["id"], Is.EqualTo("*"));
            Assert.That(_contract.UnknownFields("WrapupCodeEntityListing", list), Is.Empty);
        }
    }

    [Test]
    public async Task ErrorBodies_EveryRealismRefusal_UsesOnlyErrorBodyFields()
    {
        var token = await Sandbox.RegisterClientAsync("viewer", new { division = "Home", permissions = new[] { "routing:queue:view" } });
        var billing = await Sandbox.IdOfAsync("api/v2/routing/queues", "Billing Support");
        await Sandbox.AdminAsync(HttpMethod.Post, "sandbox/edit", new { kind = "queues", name = "Billing Support", activeConversations = true });

        var errors = new List<(HttpStatusCode Status, JToken? Body)>
        {
            await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/queues", new { name = "Enum", skillEvaluationMethod = "SOME" }),
            await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/queues", new { name = "Limit", bullseye = new { rings = new[] { new { } } } }),
            await Sandbox.ApiAsAsync(token, HttpMethod.Delete, $"api/v2/routing/queues/{billing}"),
            await Sandbox.ApiAsync(HttpMethod.Delete, $"api/v2/routing/queues/{billing}"),
            await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/skills", new { name = new string('x', 600_000) }),
        };

        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors.Select(e => (int)e.Status), Is.EqualTo(new[] { 400, 400, 403, 400, 413 }));
            foreach (var (_, body) in errors)
            {
                Assert.That(_contract.UnknownFields("ErrorBody", body!), Is.Empty, body?.ToString());
            }
        }
    }

    [Test]
    public void Endpoints_EveryApiRouteTheSandboxServes_IsARealOperation()
    {
        var operations = ContractModels.Operations();
        var routes = Sandbox.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v2/", StringComparison.Ordinal) == true && !e.RoutePattern.RawText.Contains("**", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? []).Select(m =>
                $"{m} {System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!.TrimEnd('/'), @"\{[^}]*\}", "{}")}"))
            .ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(routes, Does.Contain("POST /api/v2/authorization/divisions/{}/objects/{}"));
            // organizations/me is outside the contract extract (it names only the operations the pipeline manages with).
            Assert.That(routes.Where(r => r != "GET /api/v2/organizations/me"), Is.SubsetOf(operations));
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
