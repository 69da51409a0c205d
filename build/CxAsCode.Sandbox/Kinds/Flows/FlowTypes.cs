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

    /// <summary>
    /// Archy's YAML keys whose upper-case is not the type: the bot flows and the voice survey carry a
    /// <c>Flow</c> suffix (<c>botFlow:</c> in the webmessaging chatbot blueprint's flow); every other key is the
    /// type camel-cased (<c>inboundCall</c>).
    /// </summary>
    private static readonly Dictionary<string, string> Suffixed = new(StringComparer.Ordinal)
    {
        ["botFlow"] = "BOT",
        ["digitalBotFlow"] = "DIGITALBOT",
        ["voiceSurveyFlow"] = "VOICESURVEY",
        ["voiceFlow"] = "VOICE",
    };

    /// <summary>The Flow.type for an Archy top-level key, or null when Architect knows none.</summary>
    public static string? FromArchyKey(string key) =>
        Suffixed.TryGetValue(key, out var type) ? type
        : key.Length > 0 && char.IsLower(key[0]) && All.Contains(key.ToUpperInvariant()) ? key.ToUpperInvariant()
        : null;
}
