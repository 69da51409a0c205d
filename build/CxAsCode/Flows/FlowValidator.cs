using CxAsCode.State;
using CxAsCode.Validation;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Flows;

/// <summary>
/// Issue 8's checks on one flow in state, before any write (pure: the files' text in, problems out): the folder
/// <c>architect/flows/&lt;type&gt;/&lt;name&gt;/</c> agrees with the YAML's type key and name and with <c>flow.json</c>;
/// every <c>{{key}}</c> has a value in the environment's mappings; the YAML parses once filled (line and column);
/// every queue, schedule group, skill, language and flow it names exists in state or mappings.
/// </summary>
public static class FlowValidator
{
    public static IReadOnlyList<ValidationError> Check(FlowFiles flow, Mappings mappings, Func<string, string, bool> exists)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(mappings);
        ArgumentNullException.ThrowIfNull(exists);
        var errors = new List<ValidationError>();
        foreach (var (key, line, column) in FlowText.Placeholders(flow.Yaml).Where(p => !mappings.Values.ContainsKey(p.Key)))
        {
            errors.Add(new(flow.YamlFile, $"line {line}, column {column}", $"{{{{{key}}}}} has no value in the environment's mappings (values.{key})"));
        }

        FlowDocument document;
        try
        {
            document = FlowDocument.Parse(FlowText.Substitute(flow.Yaml, mappings.Values));
        }
        catch (FlowYamlException e)
        {
            errors.Add(new(flow.YamlFile, $"line {e.Line}, column {e.Column}", e.Message));
            return errors;
        }

        if (!string.Equals(document.ArchyType, flow.FolderType, StringComparison.Ordinal))
        {
            errors.Add(new(flow.YamlFile, "line 1", $"the flow type is {document.ArchyType} but the folder says {flow.FolderType}"));
        }

        if (!string.Equals(document.Name, flow.FolderName, StringComparison.Ordinal) && !string.Equals(FileNames.StemFor(document.Name), flow.FolderName, StringComparison.Ordinal)
            && !string.Equals(FileNames.FolderFor(document.Name), flow.FolderName, StringComparison.Ordinal))
        {
            errors.Add(new(flow.YamlFile, "$.name", $"the flow is named '{document.Name}' but its folder is '{flow.FolderName}'; expected {FileNames.FolderFor(document.Name)}"));
        }

        if (flow.Metadata is { } metadata)
        {
            foreach (var (field, value) in new[] { ("name", document.Name), ("type", document.ApiType) })
            {
                if ((string?)metadata[field] is { } given && !string.Equals(given, value, StringComparison.OrdinalIgnoreCase))
                {
                    errors.Add(new(flow.MetadataFile, "$." + field, $"flow.json says '{given}', the flow's YAML says '{value}'"));
                }
            }
        }

        if (document.Division is { Length: > 0 } division && !exists("divisions", division))
        {
            // Archy resolves the division by its name in the target org: one the mappings do not list is a failed import.
            errors.Add(new(flow.YamlFile, "$.division", $"division '{division}' is not in the environment's mappings (references.divisions)"));
        }

        foreach (var reference in document.References.Where(r => !exists(r.Kind, r.Name)))
        {
            errors.Add(new(flow.YamlFile, $"line {reference.Line}, column {reference.Column} ({reference.Path})", $"{reference.Kind} '{reference.Name}' is neither in state nor in the environment's mappings"));
        }

        return errors;
    }
}

/// <summary>One flow's files in state: <c>architect/flows/&lt;type&gt;/&lt;name&gt;/flow.yaml</c> and <c>flow.json</c>.</summary>
/// <param name="YamlFile">The YAML's path from the repository root, for messages.</param>
/// <param name="Yaml">Its text, placeholders kept.</param>
/// <param name="FolderType">The Archy type folder (<c>inboundCall</c>).</param>
/// <param name="FolderName">The flow's folder.</param>
/// <param name="MetadataFile">The flow.json path, for messages.</param>
/// <param name="Metadata">flow.json, when there is one.</param>
public sealed record FlowFiles(string YamlFile, string Yaml, string FolderType, string FolderName, string MetadataFile, JObject? Metadata);
