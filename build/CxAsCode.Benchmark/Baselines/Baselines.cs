using Newtonsoft.Json.Linq;

namespace CxAsCode.Benchmark.Baselines;

/// <summary>What both baselines share: where a kind lives and how a change lands on a live object.</summary>
internal static class Baselines
{
    public static string ApiPath(string kind) => kind switch
    {
        "skills" => "/api/v2/routing/skills",
        "wrapupcodes" => "/api/v2/routing/wrapupcodes",
        "queues" => "/api/v2/routing/queues",
        _ => throw new ArgumentException($"No API path for {kind}.", nameof(kind)),
    };

    /// <summary>The live object with the change's description: the only field the generated updates touch.</summary>
    public static JObject Merge(JObject live, GeneratedChange change)
    {
        var body = (JObject)live.DeepClone();
        body["description"] = change.Body["description"]?.DeepClone();
        return body;
    }
}
