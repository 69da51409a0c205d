using System.Globalization;
using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Kinds.Queues;

/// <summary>The value limits the platform enforces on a queue (realism: Validation), checked on the queue
/// as it will be stored. Limits from the Terraform provider's schema, which mirrors the API's own checks
/// (genesyscloud/routing_queue/resource_genesyscloud_routing_queue_schema.go). The platform's wording for
/// these is not in the sources; each message names the field and the limit, with code <c>invalid.value</c>.</summary>
internal static class QueueValueRules
{
    /// <summary>The media types of QueueMediaSettings (contract: call, callback, chat, email, message).</summary>
    public static readonly IReadOnlyList<string> MediaTypes = ["call", "callback", "chat", "email", "message"];

    /// <summary>The wrap-up prompts that may carry an ACW timeout: "Can only be used when ACW is
    /// AGENT_REQUESTED, MANDATORY_TIMEOUT or MANDATORY_FORCED_TIMEOUT" (schema, acw_timeout_ms), and the
    /// provider sends a timeout only for those (resource_genesyscloud_routing_queue_utils.go, buildSdkAcwSettings).</summary>
    public static readonly IReadOnlyList<string> TimedWrapupPrompts = ["AGENT_REQUESTED", "MANDATORY_TIMEOUT", "MANDATORY_FORCED_TIMEOUT"];

    public static void Validate(JObject queue)
    {
        foreach (var media in MediaTypes)
        {
            if (queue["mediaSettings"]?[media] is not JObject settings)
            {
                continue;
            }

            // "Alerting timeout in seconds. Must be >= 7" (schema, validation.IntAtLeast(7)); Genesys help
            // (set behavior and thresholds for voice and chat channels): "the minimum is 7 seconds".
            if (Number(settings, "alertingTimeoutSeconds") is { } alerting && alerting < 7)
            {
                throw Invalid($"mediaSettings.{media}.alertingTimeoutSeconds", alerting, "must be at least 7 seconds");
            }

            // "Service Level target in milliseconds. Must be >= 1000" (validation.IntAtLeast(1000)) and
            // "A float value between 0 and 1" (validation.FloatBetween(0, 1)).
            if (settings["serviceLevel"] is JObject serviceLevel)
            {
                if (Number(serviceLevel, "durationMs") is { } duration && duration < 1000)
                {
                    throw Invalid($"mediaSettings.{media}.serviceLevel.durationMs", duration, "must be at least 1000 ms");
                }

                if (Number(serviceLevel, "percentage") is { } percentage && percentage is < 0 or > 1)
                {
                    throw Invalid($"mediaSettings.{media}.serviceLevel.percentage", percentage, "must be between 0 and 1");
                }
            }
        }

        // bullseye_rings: MinItems 2, MaxItems 6 (schema).
        if (queue["bullseye"]?["rings"] is JArray rings && rings.Count is < 2 or > 6)
        {
            throw Invalid("bullseye.rings", rings.Count, "must hold from 2 to 6 rings");
        }

        if (queue["acwSettings"] is JObject acw && acw["timeoutMs"] is { Type: not JTokenType.Null }
            && acw.Str("wrapupPrompt") is { } prompt && !TimedWrapupPrompts.Contains(prompt, StringComparer.Ordinal))
        {
            throw ApiErrors.InvalidValue(
                $"acwSettings.timeoutMs can only be set when acwSettings.wrapupPrompt is {string.Join(", ", TimedWrapupPrompts)}; it is {prompt}.");
        }
    }

    private static double? Number(JObject obj, string name) =>
        obj[name] is JValue { Type: JTokenType.Integer or JTokenType.Float } value ? Convert.ToDouble(value.Value, CultureInfo.InvariantCulture) : null;

    private static GenesysErrorException Invalid(string path, double value, string rule) =>
        ApiErrors.InvalidValue(string.Create(CultureInfo.InvariantCulture, $"Value [{value}] is not valid for field [{path}]: it {rule}."));
}
