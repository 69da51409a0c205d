using static CxAsCode.Resources.FieldSchema;

namespace CxAsCode.Resources;

/// <summary>The managed queue fields, with the enum values of the Genesys Cloud Queue model.</summary>
internal static class QueueSchema
{
    private static FieldSchema Media(bool open) => open
        ? new FieldSchema(Newtonsoft.Json.Linq.JTokenType.Object)
        : Record(new()
        {
            ["alertingTimeoutSeconds"] = WholeNumber,
            ["enableAutoAnswer"] = Flag,
            ["autoAnswerAlertToneSeconds"] = Number,
            ["manualAnswerAlertToneSeconds"] = Number,
            ["serviceLevel"] = Record(new() { ["percentage"] = Number, ["durationMs"] = WholeNumber }),
        });

    public static readonly IReadOnlyDictionary<string, FieldSchema> Fields = new Dictionary<string, FieldSchema>
    {
        ["name"] = Text,
        ["division"] = Text,
        ["description"] = Text,
        ["skillEvaluationMethod"] = Enum("NONE", "BEST", "ALL"),
        ["acwSettings"] = Record(new()
        {
            ["wrapupPrompt"] = Enum("MANDATORY", "OPTIONAL", "MANDATORY_TIMEOUT", "MANDATORY_FORCED_TIMEOUT", "AGENT_REQUESTED"),
            ["timeoutMs"] = WholeNumber,
        }),
        // callback and message settings carry many channel-specific fields; they are checked for shape only.
        ["mediaSettings"] = Record(new()
        {
            ["call"] = Media(open: false),
            ["chat"] = Media(open: false),
            ["email"] = Media(open: false),
            ["callback"] = Media(open: true),
            ["message"] = Media(open: true),
        }),
        ["bullseye"] = Record(new()
        {
            ["rings"] = ArrayOf(Record(new()
            {
                ["expansionCriteria"] = ArrayOf(Record(new() { ["type"] = Enum("TIMEOUT_SECONDS"), ["threshold"] = Number })),
                ["actions"] = Record(new() { ["skillsToRemove"] = ArrayOf(Text) }),
            })),
        }),
        ["wrapupCodes"] = ArrayOf(Text),
    };
}
