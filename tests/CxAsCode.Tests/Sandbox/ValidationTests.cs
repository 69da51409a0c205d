using System.Net;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Sandbox;

/// <summary>Server-side validation with the realism profile on: the real error body and wording, and
/// nothing stored when a body is refused.</summary>
public sealed class ValidationTests : SandboxFixture
{
    [Test]
    public async Task PostQueue_UnknownEnumValue_Returns400WithThePlatformsWording()
    {
        var (status, body) = await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/queues", new
        {
            name = "Bad Callback Mode",
            mediaSettings = new { callback = new { mode = string.Empty } },
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)body?["code"], Is.EqualTo("invalid.value"));
            Assert.That((int?)body?["status"], Is.EqualTo(400));
            Assert.That((string?)body?["message"], Is.EqualTo("Value [] is not valid for field type [Mode]. Allowable values are: AgentFirst, CustomerFirst"));
            Assert.That((await Sandbox.AdminAsync(HttpMethod.Get, "sandbox/state"))["queues"]!.Select(q => (string?)q["name"]), Has.None.EqualTo("Bad Callback Mode"));
        }
    }

    [TestCase("skillEvaluationMethod", "SOME", "Value [SOME] is not valid for field type [SkillEvaluationMethod]. Allowable values are: NONE, BEST, ALL")]
    [TestCase("scoringMethod", "Random", "Value [Random] is not valid for field type [ScoringMethod]. Allowable values are: TimestampAndPriority, PriorityOnly")]
    [TestCase("lastAgentRoutingMode", "Always", "Value [Always] is not valid for field type [LastAgentRoutingMode]. Allowable values are: Disabled, QueueMembersOnly, AnyAgent")]
    public async Task PutQueue_TopLevelEnum_Returns400InvalidValue(string field, string value, string message)
    {
        var id = await Sandbox.IdOfAsync("api/v2/routing/queues", "Payments");
        var queue = await Sandbox.GetObjectAsync($"api/v2/routing/queues/{id}");
        queue[field] = value;

        var (status, body) = await Sandbox.ApiAsync(HttpMethod.Put, $"api/v2/routing/queues/{id}", queue);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)body?["message"], Is.EqualTo(message));
        }
    }

    [TestCase("{\"acwSettings\":{\"wrapupPrompt\":\"SOMETIMES\"}}", "WrapupPrompt")]
    [TestCase("{\"bullseye\":{\"rings\":[{\"expansionCriteria\":[{\"type\":\"SECONDS\",\"threshold\":5}]},{}]}}", "Type")]
    [TestCase("{\"memberGroups\":[{\"id\":\"g\",\"type\":\"CLUB\"}]}", "Type")]
    [TestCase("{\"routingRules\":[{\"operator\":\"ALWAYS\"}]}", "Operator")]
    [TestCase("{\"conditionalGroupRouting\":{\"rules\":[{\"metric\":\"Mood\"}]}}", "Metric")]
    public async Task PostQueue_NestedEnum_Returns400NamingTheEnumType(string fields, string typeName)
    {
        var body = JObject.Parse(fields);
        body["name"] = "Nested Enum";

        var (status, error) = await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/queues", body);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)error?["code"], Is.EqualTo("invalid.value"));
            Assert.That((string?)error?["message"], Does.Contain($"is not valid for field type [{typeName}]. Allowable values are: "));
        }
    }

    [TestCase("{\"mediaSettings\":{\"call\":{\"alertingTimeoutSeconds\":6}}}", "mediaSettings.call.alertingTimeoutSeconds")]
    [TestCase("{\"mediaSettings\":{\"email\":{\"serviceLevel\":{\"durationMs\":999}}}}", "mediaSettings.email.serviceLevel.durationMs")]
    [TestCase("{\"mediaSettings\":{\"chat\":{\"serviceLevel\":{\"percentage\":1.2}}}}", "mediaSettings.chat.serviceLevel.percentage")]
    [TestCase("{\"mediaSettings\":{\"message\":{\"serviceLevel\":{\"percentage\":-0.1}}}}", "mediaSettings.message.serviceLevel.percentage")]
    [TestCase("{\"bullseye\":{\"rings\":[{}]}}", "bullseye.rings")]
    [TestCase("{\"bullseye\":{\"rings\":[{},{},{},{},{},{},{}]}}", "bullseye.rings")]
    [TestCase("{\"acwSettings\":{\"wrapupPrompt\":\"OPTIONAL\",\"timeoutMs\":30000}}", "acwSettings.timeoutMs")]
    [TestCase("{\"acwSettings\":{\"wrapupPrompt\":\"MANDATORY\",\"timeoutMs\":30000}}", "acwSettings.timeoutMs")]
    public async Task PostQueue_ValueOutsideThePlatformsLimits_Returns400InvalidValue(string fields, string path)
    {
        var body = JObject.Parse(fields);
        body["name"] = "Out Of Limits";

        var (status, error) = await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/queues", body);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)error?["code"], Is.EqualTo("invalid.value"));
            Assert.That((string?)error?["message"], Does.Contain(path));
        }
    }

    [TestCase("{\"mediaSettings\":{\"call\":{\"alertingTimeoutSeconds\":7,\"serviceLevel\":{\"durationMs\":1000,\"percentage\":0}}}}")]
    [TestCase("{\"mediaSettings\":{\"chat\":{\"serviceLevel\":{\"percentage\":1}}}}")]
    [TestCase("{\"bullseye\":{\"rings\":[{},{}]}}")]
    [TestCase("{\"bullseye\":{\"rings\":[{},{},{},{},{},{}]}}")]
    [TestCase("{\"acwSettings\":{\"wrapupPrompt\":\"AGENT_REQUESTED\",\"timeoutMs\":30000}}")]
    [TestCase("{\"acwSettings\":{\"wrapupPrompt\":\"MANDATORY_FORCED_TIMEOUT\",\"timeoutMs\":30000}}")]
    [TestCase("{\"acwSettings\":{\"wrapupPrompt\":\"OPTIONAL\"}}")]
    public async Task PostQueue_ValueAtThePlatformsLimits_IsAccepted(string fields)
    {
        var body = JObject.Parse(fields);
        body["name"] = "At The Limits";

        var (status, error) = await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/queues", body);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), error?.ToString());
    }

    [Test]
    public async Task Post_BodyOver512000Bytes_Returns413BeforeTouchingTheOrg()
    {
        var description = new string('x', 512_001);

        var (status, body) = await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/wrapupcodes", new { name = "Huge", description });
        var (justUnder, _) = await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/wrapupcodes", new { name = "Big", description = description[..511_900] });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
            Assert.That((string?)body?["code"], Is.EqualTo("request.entity.too.large"));
            Assert.That((string?)body?["message"], Is.EqualTo("The request is over the size limit. Maximum bytes: 512000"));
            Assert.That(justUnder, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task PostQueue_ValidationOffAtRunTime_AcceptsWhatThePlatformRefuses()
    {
        await Sandbox.AdminAsync(HttpMethod.Put, "sandbox/realism", new { validation = false });

        var (status, _) = await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/queues", new
        {
            name = "Lenient",
            acwSettings = new { wrapupPrompt = "OPTIONAL", timeoutMs = 1 },
            bullseye = new { rings = new[] { new { } } },
        });

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
    }
}
