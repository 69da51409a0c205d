namespace CxAsCode.Sandbox.Kinds.Queues;

/// <summary>The writable fields of the real Queue model (contract/genesys-models.json), in the model's
/// order. A body field not listed here is dropped, as the real API ignores unknown members; server-managed
/// fields (id, dates, *By, member counts, selfUri) are never taken from a body.</summary>
internal static class QueueFields
{
    public static readonly IReadOnlyList<string> Writable =
    [
        "name", "division", "description", "mediaSettings", "routingRules", "conditionalGroupRouting",
        "conditionalGroupActivation", "bullseye", "scoringMethod", "lastAgentRoutingMode", "acwSettings",
        "skillEvaluationMethod", "memberGroups", "queueFlow", "emailInQueueFlow", "messageInQueueFlow",
        "whisperPrompt", "onHoldPrompt", "autoAnswerOnly", "cannedResponseLibraries", "enableTranscription",
        "enableAudioMonitoring", "enableManualAssignment", "agentOwnedRouting", "directRouting",
        "callingPartyName", "callingPartyNumber", "defaultScripts", "outboundMessagingAddresses",
        "outboundEmailAddress", "peerId", "suppressInQueueCallRecording",
    ];

    /// <summary>Kept from the stored queue when a PUT replaces it. <c>wrapupCodes</c> (assigned code ids) is
    /// the sandbox's own bookkeeping for the queue wrap-up code sub-resource, <c>members</c> (user ids) the same for
    /// the members sub-resource; neither appears on a Queue.</summary>
    public static readonly IReadOnlyList<string> Server = ["id", "dateCreated", "createdBy", "wrapupCodes", "members"];
}
