using static CxAsCode.Resources.FieldSchema;

namespace CxAsCode.Resources;

/// <summary>
/// The managed queue fields as the Genesys Cloud Queue model defines them (the SDK contract in
/// build/contract/genesys-models.json), with the limits the real API enforces. One part per concern:
/// this file the top level and after-call work, <c>QueueSchema.Media.cs</c> the channels,
/// <c>QueueSchema.Bullseye.cs</c> the rings. A new managed field (conditional group routing, say) is one
/// more entry in <see cref="Fields"/>, built from the contract's model with <c>Record("ConditionalGroupRouting", …)</c>;
/// <c>SchemaContractTests</c> then insists that every enum of that model is checked.
/// </summary>
internal static partial class QueueSchema
{
    /// <summary>The contract model a queue's state file stands for.</summary>
    public const string Model = "Queue";

    /// <summary>
    /// The ACW timeout applies only to prompts that end after-call work on a timer: "Can only be used when
    /// ACW is AGENT_REQUESTED, MANDATORY_TIMEOUT or MANDATORY_FORCED_TIMEOUT" (acw_timeout_ms in the
    /// Terraform provider's genesyscloud/routing_queue/resource_genesyscloud_routing_queue_schema.go).
    /// </summary>
    public static readonly IReadOnlyList<string> TimedWrapupPrompts = ["AGENT_REQUESTED", "MANDATORY_TIMEOUT", "MANDATORY_FORCED_TIMEOUT"];

    public static readonly IReadOnlyDictionary<string, FieldSchema> Fields = new Dictionary<string, FieldSchema>
    {
        ["name"] = Name,
        ["division"] = Text,
        ["description"] = Text,
        // Queue.skillEvaluationMethod in the contract.
        ["skillEvaluationMethod"] = Enum("NONE", "BEST", "ALL"),
        ["acwSettings"] = AcwSettings,
        ["mediaSettings"] = MediaSettings,
        ["bullseye"] = Bullseye,
        ["wrapupCodes"] = ArrayOf(Text),
        ["members"] = ArrayOf(Text),
        // The in-queue flow by its key: inqueueCall/<flow name>.
        ["queueFlow"] = Text,
    };

    private static FieldSchema AcwSettings => Record("AcwSettings", new()
    {
        ["wrapupPrompt"] = Enum("MANDATORY", "OPTIONAL", "MANDATORY_TIMEOUT", "MANDATORY_FORCED_TIMEOUT", "AGENT_REQUESTED"),
        // AcwSettings.timeoutMs in the contract: "The amount of time the agent can stay in ACW (Min: 1 sec, Max: 60 min)."
        // The provider's acw_timeout_ms states the same range, though its validator only checks 0 to 86,400,000.
        ["timeoutMs"] = WholeNumber.Between(1000, 3_600_000, "ms"),
    }).With(new FieldRule("an ACW timeout needs a timed wrap-up prompt", TimeoutNeedsATimedPrompt));

    private static IEnumerable<(string, string)> TimeoutNeedsATimedPrompt(Newtonsoft.Json.Linq.JObject acw)
    {
        // Without a prompt the server picks its default; only a prompt stated here can be wrong.
        if (acw["timeoutMs"] is not null && (string?)acw["wrapupPrompt"] is { } prompt && !TimedWrapupPrompts.Contains(prompt))
        {
            yield return ("timeoutMs", $"an ACW timeout only applies when wrapupPrompt is {string.Join(", ", TimedWrapupPrompts.SkipLast(1))} or {TimedWrapupPrompts[^1]}; "
                + $"wrapupPrompt is {prompt}, so remove timeoutMs or choose one of those prompts");
        }
    }
}
