using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Kinds.Queues;

/// <summary>What the platform fills in when a queue body leaves a field out (realism: ServerDefaults), on
/// create and on PUT alike (a PUT replaces the queue, and a queue always has these settings).</summary>
internal static class QueueDefaults
{
    /// <summary>The provider's schema default, "skill_evaluation_method … Default: ALL"
    /// (routing_queue/resource_genesyscloud_routing_queue_schema.go).</summary>
    public const string SkillEvaluationMethod = "ALL";

    /// <summary>"The Scoring Method for the queue. Defaults to TimestampAndPriority." (schema, scoring_method).</summary>
    public const string ScoringMethod = "TimestampAndPriority";

    /// <summary>The schema's default wrap-up prompt ("acw_wrapup_prompt … Default: MANDATORY_TIMEOUT").</summary>
    public const string WrapupPrompt = "MANDATORY_TIMEOUT";

    /// <summary>The ACW timeout the server sets for a timed prompt: the schema marks acw_timeout_ms
    /// "Computed: true // Default may be set by server" without the value; the sandbox uses 30 s.</summary>
    public const int AcwTimeoutMs = 30000;

    /// <summary>Per media type: alerting timeout (s) and service level (percentage, duration ms). The
    /// provider marks media_settings_* Computed (the server fills them) but gives no values; these are the
    /// platform's documented service-level default of "80% of interactions answered in 20 seconds" (Genesys
    /// Resource Center, create and configure queues), a 24-hour target for email, and alerting timeouts of
    /// 8 s for calls (within the 7–59 s voice range) and 30 s / 300 s for the other media.</summary>
    public static readonly IReadOnlyDictionary<string, (int AlertingSeconds, double Percentage, long DurationMs)> Media =
        new Dictionary<string, (int, double, long)>(StringComparer.Ordinal)
        {
            ["call"] = (8, 0.8, 20000),
            ["callback"] = (30, 0.8, 20000),
            ["chat"] = (30, 0.8, 20000),
            ["email"] = (300, 0.8, 86400000),
            ["message"] = (30, 0.8, 20000),
        };

    public static void Fill(JObject queue)
    {
        var mediaSettings = Child(queue, "mediaSettings");
        foreach (var (media, (alerting, percentage, duration)) in Media)
        {
            var settings = Child(mediaSettings, media);
            Default(settings, "alertingTimeoutSeconds", alerting);
            Default(settings, "enableAutoAnswer", false);
            var serviceLevel = Child(settings, "serviceLevel");
            Default(serviceLevel, "percentage", percentage);
            Default(serviceLevel, "durationMs", duration);
        }

        Default(queue, "skillEvaluationMethod", SkillEvaluationMethod);
        Default(queue, "scoringMethod", ScoringMethod);
        var acw = Child(queue, "acwSettings");
        Default(acw, "wrapupPrompt", WrapupPrompt);
        if (QueueValueRules.TimedWrapupPrompts.Contains((string?)acw["wrapupPrompt"]))
        {
            Default(acw, "timeoutMs", AcwTimeoutMs);
        }
    }

    /// <summary>Sets a field the body left out (absent or null).</summary>
    private static void Default(JObject obj, string name, JToken value)
    {
        if (obj[name] is null or { Type: JTokenType.Null })
        {
            obj[name] = value;
        }
    }

    private static JObject Child(JObject parent, string name)
    {
        if (parent[name] is JObject child)
        {
            return child;
        }

        child = [];
        parent[name] = child;
        return child;
    }
}
