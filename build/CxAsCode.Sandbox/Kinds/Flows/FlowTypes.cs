namespace CxAsCode.Sandbox.Kinds.Flows;

/// <summary>Flow.type in the SDK contract (build/contract/genesys-models.json).</summary>
internal static class FlowTypes
{
    public static readonly HashSet<string> All = new(StringComparer.Ordinal)
    {
        "BOT", "COMMONMODULE", "DIGITALBOT", "EMAILSEND", "INBOUNDCALL", "INBOUNDCHAT", "INBOUNDEMAIL", "INBOUNDSHORTMESSAGE",
        "INQUEUECALL", "INQUEUEEMAIL", "INQUEUESHORTMESSAGE", "OUTBOUNDCALL", "SECURECALL", "SPEECH", "SURVEYINVITE", "VOICE",
        "VOICEMAIL", "VOICESURVEY", "WORKFLOW", "WORKITEM",
    };
}
