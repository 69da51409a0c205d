using CxAsCode.Flows;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.State;

/// <summary>
/// A flow's files → its object in state form: the YAML as written (placeholders kept; Normalize fills them
/// and makes it canonical), the type from its folder, the name from the YAML when it is written out (else
/// flow.json's, else the folder's), and flow.json's description and division.
/// </summary>
internal static class FlowStateObjects
{
    public static ResourceObject From(FlowFiles flow, string envPath)
    {
        var body = new JObject
        {
            ["name"] = NameOf(flow),
            ["type"] = FlowTypeNames.ToApi(flow.FolderType) ?? flow.FolderType,
            [FlowFields.Yaml] = flow.Yaml,
        };
        foreach (var field in new[] { "description", "division" })
        {
            if (flow.Metadata?[field] is JValue { Type: JTokenType.String } value)
            {
                body[field] = value.DeepClone();
            }
        }

        var relative = flow.YamlFile.StartsWith(envPath + "/", StringComparison.Ordinal) ? flow.YamlFile[(envPath.Length + 1)..] : flow.YamlFile;
        return new ResourceObject(ResourceKinds.Flows, ResourceKinds.Flows.KeyOf(body), body) { SourceFile = relative };
    }

    private static string NameOf(FlowFiles flow)
    {
        try
        {
            var name = FlowDocument.Parse(flow.Yaml).Name;
            if (!name.Contains("{{", StringComparison.Ordinal))
            {
                return name;
            }
        }
        catch (FlowYamlException)
        {
            // Validate reports it with line and column; the object still needs a key until then.
        }

        return (string?)flow.Metadata?["name"] ?? flow.FolderName;
    }
}
