using System.Text;
using CxAsCode.Resources;
using CxAsCode.State;
using CxAsCode.Validation;

namespace CxAsCode.Flows;

/// <summary>
/// Reads the flows of one environment from <c>state/&lt;env&gt;/architect/flows/&lt;type&gt;/&lt;name&gt;/</c>: the
/// flow's Archy YAML (<c>flow.yaml</c>) and its metadata (<c>flow.json</c>, optional: name, type, description,
/// division). The same safety rules as every state file: no links, nothing outside the folder, a size limit,
/// strict UTF-8; anything else in the folder is a problem named with its file, never silently skipped.
/// </summary>
public static class FlowStateReader
{
    public const string Folder = "architect/flows";

    public static (IReadOnlyList<FlowFiles> Flows, IReadOnlyList<ValidationError> Problems) Read(string repositoryRoot, string environment)
    {
        ArgumentNullException.ThrowIfNull(repositoryRoot);
        ArgumentNullException.ThrowIfNull(environment);
        var relativeRoot = $"state/{environment}/{Folder}";
        var root = Path.Combine(repositoryRoot, "state", environment, "architect", "flows");
        var flows = new List<FlowFiles>();
        var problems = new List<ValidationError>();
        if (!Directory.Exists(root))
        {
            return (flows, problems);
        }

        var (files, links) = SafeFolder.List(root);
        problems.AddRange(links.Select(link => new ValidationError($"{relativeRoot}/{link.Path}", "$", $"a link (to {link.Target}) is not read: flows must be real files inside state/{environment}")));
        foreach (var group in files.GroupBy(f => f.Contains('/', StringComparison.Ordinal) ? f[..f.LastIndexOf('/')] : string.Empty, StringComparer.Ordinal))
        {
            var folder = group.Key.Split('/');
            var names = group.Select(f => f[(f.LastIndexOf('/') + 1)..]).ToHashSet(StringComparer.Ordinal);
            foreach (var stray in names.Where(n => n is not ("flow.yaml" or "flow.json")).Order(StringComparer.Ordinal))
            {
                problems.Add(new($"{relativeRoot}/{(group.Key.Length == 0 ? stray : $"{group.Key}/{stray}")}", "$", "not a flow file: a flow's folder holds flow.yaml and, optionally, flow.json"));
            }

            if (folder.Length != 2 || !names.Contains("flow.yaml"))
            {
                if (names.Overlaps(["flow.yaml", "flow.json"]))
                {
                    problems.Add(new($"{relativeRoot}/{group.Key}", "$", $"a flow lives in {Folder}/<type>/<name>/flow.yaml (with flow.json beside it)"));
                }

                continue;
            }

            if (!FlowTypeNames.IsKnown(folder[0]))
            {
                problems.Add(new($"{relativeRoot}/{group.Key}", "$", $"'{folder[0]}' is not an Archy flow type (e.g. inboundCall, inqueueCall, workflow)"));
                continue;
            }

            var yamlFile = $"{relativeRoot}/{group.Key}/flow.yaml";
            if (ReadText(Path.Combine(root, group.Key, "flow.yaml")) is not { } yaml)
            {
                problems.Add(new(yamlFile, "$", $"not UTF-8 text, or larger than {FieldLimits.StateFileMaxBytes:N0} bytes"));
                continue;
            }

            var jsonFile = $"{relativeRoot}/{group.Key}/flow.json";
            Newtonsoft.Json.Linq.JObject? metadata = null;
            if (names.Contains("flow.json"))
            {
                var (content, jsonProblems) = StateFileReader.Read(Path.Combine(root, group.Key, "flow.json"));
                problems.AddRange(jsonProblems.Select(p => new ValidationError(jsonFile, p.Path, p.Message)));
                metadata = content;
            }

            flows.Add(new FlowFiles(yamlFile, yaml, folder[0], folder[1], jsonFile, metadata));
        }

        return (flows, problems);
    }

    private static string? ReadText(string path)
    {
        if (new FileInfo(path).Length > FieldLimits.StateFileMaxBytes)
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(File.ReadAllBytes(path));
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}

/// <summary>
/// Archy's flow type keys (the YAML's top-level key and the state folder) and the API's Flow.type enum (SDK
/// contract). Most keys are the type camel-cased (<c>inboundCall</c> ↔ <c>INBOUNDCALL</c>); the bot flows and the
/// voice survey carry a <c>Flow</c> suffix in Archy (<c>botFlow</c> ↔ <c>BOT</c>, as in the webmessaging chatbot
/// blueprint's flow in <c>TestData/Flows</c>).
/// </summary>
public static class FlowTypeNames
{
    private static readonly Dictionary<string, string> ApiByArchy = new(StringComparer.Ordinal)
    {
        ["botFlow"] = "BOT",
        ["commonModule"] = "COMMONMODULE",
        ["digitalBotFlow"] = "DIGITALBOT",
        ["inboundCall"] = "INBOUNDCALL",
        ["inboundChat"] = "INBOUNDCHAT",
        ["inboundEmail"] = "INBOUNDEMAIL",
        ["inboundShortMessage"] = "INBOUNDSHORTMESSAGE",
        ["inqueueCall"] = "INQUEUECALL",
        ["inqueueEmail"] = "INQUEUEEMAIL",
        ["inqueueShortMessage"] = "INQUEUESHORTMESSAGE",
        ["outboundCall"] = "OUTBOUNDCALL",
        ["secureCall"] = "SECURECALL",
        ["surveyInvite"] = "SURVEYINVITE",
        ["voiceFlow"] = "VOICE",
        ["voicemail"] = "VOICEMAIL",
        ["voiceSurveyFlow"] = "VOICESURVEY",
        ["workflow"] = "WORKFLOW",
        ["workitem"] = "WORKITEM",
    };

    private static readonly Dictionary<string, string> ArchyByApi = ApiByArchy.ToDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every Flow.type in the SDK contract, those without an Archy key here (EMAILSEND, SPEECH) too.</summary>
    public static IReadOnlyList<string> ApiTypes { get; } = [.. ApiByArchy.Values.Append("EMAILSEND").Append("SPEECH").Order(StringComparer.Ordinal)];

    /// <summary>True for an Archy key such as <c>inboundCall</c> or <c>botFlow</c> (exact case; <c>inQueueCall</c> is accepted too).</summary>
    public static bool IsKnown(string archyKey) => ToApi(archyKey) is not null;

    /// <summary>The API's Flow.type for an Archy key, or null when it is none.</summary>
    public static string? ToApi(string archyKey) =>
        ApiByArchy.TryGetValue(archyKey, out var type) ? type
        : archyKey.Length > 0 && char.IsLower(archyKey[0]) && ApiByArchy.Keys.FirstOrDefault(k => string.Equals(k, archyKey, StringComparison.OrdinalIgnoreCase)) is { } key ? ApiByArchy[key]
        : null;

    /// <summary>The Archy key for an API Flow.type (the folder state keeps the flow in); the type itself when unknown.</summary>
    public static string ToArchy(string apiType) => ArchyByApi.TryGetValue(apiType, out var key) ? key : apiType;
}
