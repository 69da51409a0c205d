using static CxAsCode.Resources.FieldSchema;

namespace CxAsCode.Resources;

/// <summary>The queue's channels (QueueMediaSettings and the models it holds, in the SDK contract).</summary>
internal static partial class QueueSchema
{
    private static FieldSchema MediaSettings => Record("QueueMediaSettings", new()
    {
        ["call"] = Record("MediaSettings", ChannelFields()),
        ["chat"] = Record("MediaSettings", ChannelFields()),
        ["email"] = Record("EmailMediaSettings", ChannelFields()),
        ["message"] = Record("MessageMediaSettings", MessageFields()),
        ["callback"] = Record("CallbackMediaSettings", CallbackFields()),
    });

    /// <summary>
    /// The fields every channel shares. The limits are the provider's queueMediaSettingsResource
    /// (genesyscloud/routing_queue/resource_genesyscloud_routing_queue_schema.go): alerting timeout
    /// "Must be >= 7" (IntAtLeast(7)), service level percentage "between 0 and 1" (FloatBetween(0, 1)),
    /// service level duration "Must be >= 1000" (IntAtLeast(1000)). Neither the provider nor the SDK
    /// publishes an upper bound for the alerting timeout (the Genesys help pages have given both 59 s and
    /// 900 s for voice), so none is enforced.
    /// </summary>
    private static Dictionary<string, FieldSchema> ChannelFields() => new()
    {
        ["alertingTimeoutSeconds"] = WholeNumber.AtLeast(7, "seconds"),
        ["enableAutoAnswer"] = Flag,
        ["autoAnswerAlertToneSeconds"] = Number,
        ["manualAnswerAlertToneSeconds"] = Number,
        ["serviceLevel"] = Record("ServiceLevel", new()
        {
            ["percentage"] = Number.Between(0, 1),
            ["durationMs"] = WholeNumber.AtLeast(1000, "ms"),
        }),
    };

    /// <summary>MessageMediaSettings: the shared fields plus per-subtype maps, whose content is not checked.</summary>
    private static Dictionary<string, FieldSchema> MessageFields() => new(ChannelFields())
    {
        ["subTypeSettings"] = AnyObject,
        ["enableInactivityTimeout"] = Flag,
        ["inactivityTimeoutSettings"] = AnyObject,
    };

    /// <summary>
    /// CallbackMediaSettings: enums from the contract; ranges from the provider's
    /// queueCallbackMediaSettingsResource (same schema file): auto-dial and auto-end delays "0 - 1200
    /// seconds", pacing modifier FloatAtLeast(1), retries IntBetween(0, 20), retry delay IntBetween(60, 86400).
    /// The flow, edge group and site references are objects whose content is not checked.
    /// </summary>
    private static Dictionary<string, FieldSchema> CallbackFields() => new(ChannelFields())
    {
        ["mode"] = Enum("AgentFirst", "CustomerFirst"),
        ["enableAutoDialAndEnd"] = Flag,
        ["autoDialDelaySeconds"] = WholeNumber.Between(0, 1200, "seconds"),
        ["autoEndDelaySeconds"] = WholeNumber.Between(0, 1200, "seconds"),
        ["pacingModifier"] = Number.AtLeast(1),
        ["maxRetryCount"] = WholeNumber.Between(0, 20),
        ["retryDelaySeconds"] = WholeNumber.Between(60, 86_400, "seconds"),
        ["liveVoiceReactionType"] = Enum("HangUp", "TransferToQueue", "TransferToFlow"),
        ["liveVoiceFlow"] = AnyObject,
        ["answeringMachineReactionType"] = Enum("HangUp", "TransferToQueue", "TransferToFlow"),
        ["answeringMachineFlow"] = AnyObject,
        ["edgeGroup"] = AnyObject,
        ["site"] = AnyObject,
    };
}
