using Newtonsoft.Json.Linq;

namespace CxAsCode.Resources;

/// <summary>What the platform decides for a queue when a body leaves it out, and what it insists on in a body.</summary>
internal static class QueueDefaults
{
    private static readonly string[] TimedPrompts = ["AGENT_REQUESTED", "MANDATORY_TIMEOUT", "MANDATORY_FORCED_TIMEOUT"];

    /// <summary>
    /// A desired queue with the fields state omitted that the server fills in taken from the live queue, so
    /// an omitted field never shows as a change. The server defaults (Terraform provider,
    /// genesyscloud/routing_queue/resource_genesyscloud_routing_queue_schema.go): every channel's media
    /// settings (alerting timeout, service level, auto answer; "Computed" there), the skill evaluation method
    /// ("ALL"), the ACW prompt ("MANDATORY_TIMEOUT") and, for a timed prompt only, the ACW timeout
    /// (acw_timeout_ms "Default may be set by server"; AcwSettings in the contract: only with AGENT_REQUESTED,
    /// MANDATORY_TIMEOUT or MANDATORY_FORCED_TIMEOUT). Which values the server picks does not matter here:
    /// whatever live holds for an omitted field is the server's choice.
    /// </summary>
    public static JObject FillFrom(JObject desired, JObject live)
    {
        var filled = (JObject)desired.DeepClone();
        if (live["mediaSettings"] is JObject liveMedia)
        {
            filled["mediaSettings"] = FillMissing(filled["mediaSettings"] as JObject ?? [], liveMedia);
        }

        // No in-queue flow in state: the queue keeps whichever the org gave it (the platform's default one, or
        // one set in the UI); state that names one manages it.
        if (filled["queueFlow"] is null && live["queueFlow"] is { } flow)
        {
            filled["queueFlow"] = flow.DeepClone();
        }

        if (filled["skillEvaluationMethod"] is null && live["skillEvaluationMethod"] is { } method)
        {
            filled["skillEvaluationMethod"] = method.DeepClone();
        }

        if (live["acwSettings"] is JObject liveAcw)
        {
            var acw = filled["acwSettings"] as JObject ?? [];
            if (acw["wrapupPrompt"] is null && liveAcw["wrapupPrompt"] is { } prompt)
            {
                acw["wrapupPrompt"] = prompt.DeepClone();
            }

            if (acw["timeoutMs"] is null && liveAcw["timeoutMs"] is { } timeout && TimedPrompts.Contains((string?)acw["wrapupPrompt"]))
            {
                acw["timeoutMs"] = timeout.DeepClone();
            }

            filled["acwSettings"] = acw;
        }

        return filled;
    }

    /// <summary>
    /// The first conditional-group-routing rule never names a queue in a body: the API reads it back naming
    /// the queue itself and refuses it on the way in; the Terraform provider strips it before every write
    /// (resource_genesyscloud_routing_queue.go, updateQueue: "remove queue_id from first CGR rule to avoid api error").
    /// </summary>
    public static void PrepareBody(JObject body)
    {
        if (body["conditionalGroupRouting"]?["rules"] is JArray { Count: > 0 } rules && rules[0] is JObject first)
        {
            first.Remove("queue");
        }
    }

    /// <summary>Every field <paramref name="live"/> has that <paramref name="desired"/> lacks, at any depth; desired wins where both have one.</summary>
    private static JObject FillMissing(JObject desired, JObject live)
    {
        foreach (var property in live.Properties())
        {
            if (desired[property.Name] is null)
            {
                desired[property.Name] = property.Value.DeepClone();
            }
            else if (desired[property.Name] is JObject nested && property.Value is JObject liveNested)
            {
                FillMissing(nested, liveNested);
            }
        }

        return desired;
    }
}
