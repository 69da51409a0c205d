using System.Net;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Sandbox;

/// <summary>With the realism profile on, a queue body's omitted fields come back filled in, as the platform
/// fills them.</summary>
public sealed class ServerDefaultsTests : SandboxFixture
{
    [Test]
    public async Task PostQueue_NameOnly_ReadsBackWithEveryServerDefault()
    {
        var (status, queue) = await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/queues", new { name = "Bare Queue" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((string?)queue?["skillEvaluationMethod"], Is.EqualTo("ALL"));
            Assert.That((string?)queue?["scoringMethod"], Is.EqualTo("TimestampAndPriority"));
            Assert.That(JToken.DeepEquals(queue?["acwSettings"], JObject.Parse("{\"wrapupPrompt\":\"MANDATORY_TIMEOUT\",\"timeoutMs\":30000}")), Is.True, queue?["acwSettings"]?.ToString());
            Assert.That(MediaDefaults(queue!), Is.EqualTo(new[]
            {
                "call 8 False 0.8 20000",
                "callback 30 False 0.8 20000",
                "chat 30 False 0.8 20000",
                "email 300 False 0.8 86400000",
                "message 30 False 0.8 20000",
            }));
        }
    }

    [Test]
    public async Task PostQueue_PartialMediaSettings_FillsOnlyWhatIsMissing()
    {
        var (_, queue) = await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/queues", JObject.Parse(
            "{\"name\":\"Partial\",\"skillEvaluationMethod\":\"BEST\",\"acwSettings\":{\"wrapupPrompt\":\"OPTIONAL\"}," +
            "\"mediaSettings\":{\"call\":{\"alertingTimeoutSeconds\":12,\"serviceLevel\":{\"percentage\":0.9}}}}"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)queue?["skillEvaluationMethod"], Is.EqualTo("BEST"));
            Assert.That(JToken.DeepEquals(queue?["acwSettings"], JObject.Parse("{\"wrapupPrompt\":\"OPTIONAL\"}")), Is.True, "no timeout for an untimed prompt");
            Assert.That(MediaDefaults(queue!)[0], Is.EqualTo("call 12 False 0.9 20000"));
        }
    }

    [Test]
    public async Task PutQueue_OmittedFields_AreDefaultedAgainNotKept()
    {
        var id = await Sandbox.IdOfAsync("api/v2/routing/queues", "Complaints");

        var (_, queue) = await Sandbox.ApiAsync(HttpMethod.Put, $"api/v2/routing/queues/{id}", new { name = "Complaints", description = "Formal complaints" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)queue?["skillEvaluationMethod"], Is.EqualTo("ALL"), "was BEST");
            Assert.That((string?)queue?["acwSettings"]?["wrapupPrompt"], Is.EqualTo("MANDATORY_TIMEOUT"), "was MANDATORY");
            Assert.That((int?)queue?.SelectToken("mediaSettings.call.alertingTimeoutSeconds"), Is.EqualTo(8), "was 12");
        }
    }

    [Test]
    public async Task PostQueue_DefaultsOffAtRunTime_StoresOnlyWhatWasSent()
    {
        await Sandbox.AdminAsync(HttpMethod.Put, "sandbox/realism", new { serverDefaults = false });

        var (_, queue) = await Sandbox.ApiAsync(HttpMethod.Post, "api/v2/routing/queues", new { name = "Bare Queue" });

        Assert.That(((JObject)queue!).Properties().Select(p => p.Name), Has.None.AnyOf("mediaSettings", "acwSettings", "skillEvaluationMethod", "scoringMethod"));
    }

    private static string[] MediaDefaults(JToken queue) =>
    [
        .. new[] { "call", "callback", "chat", "email", "message" }.Select(media =>
        {
            var settings = queue["mediaSettings"]![media]!;
            return $"{media} {settings["alertingTimeoutSeconds"]} {settings["enableAutoAnswer"]} {settings["serviceLevel"]!["percentage"]} {settings["serviceLevel"]!["durationMs"]}";
        }),
    ];
}
