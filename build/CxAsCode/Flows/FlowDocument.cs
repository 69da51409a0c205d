using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CxAsCode.Flows;

/// <summary>
/// One Archy flow read for comparison (genesys-api.md §9): the top-level key is the flow type in camelCase
/// (<c>inboundCall</c>, <c>inqueueCall</c>…; upper-cased, the API's Flow.type), holding <c>name</c>,
/// <c>description</c>, <c>division</c> and the flow. <see cref="Tree"/> is the content with mapping keys sorted and
/// every scalar kept as the text it was written as (no YAML 1.1 <c>yes</c>/<c>no</c> coercion), comments, styles and
/// line ends gone: two files that differ only in those compare equal.
/// </summary>
public sealed record FlowDocument(string ArchyType, string Name, string? Description, string? Division, JObject Tree, IReadOnlyList<FlowReference> References)
{
    /// <summary>The API's Flow.type for the Archy key (<c>inqueueCall</c> → <c>INQUEUECALL</c>).</summary>
    public string ApiType => FlowTypeNames.ToApi(ArchyType) ?? ArchyType.ToUpperInvariant();

    /// <summary>Reads a flow after its placeholders were filled.</summary>
    /// <exception cref="FlowYamlException">Not YAML, or not one flow (with line and column).</exception>
    public static FlowDocument Parse(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(FlowText.Normalize(text)));
        }
        catch (YamlException e)
        {
            throw new FlowYamlException($"not valid YAML: {e.Message}", e.Start.Line, e.Start.Column);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root || root.Children.Count != 1)
        {
            throw new FlowYamlException("a flow file holds one mapping with a single top-level key, the flow type (e.g. inboundCall)", 1, 1);
        }

        var (key, value) = root.Children.Single();
        if (value is not YamlMappingNode flow || Scalar(flow, "name") is not { Length: > 0 } name)
        {
            throw new FlowYamlException($"the {(key as YamlScalarNode)?.Value} flow has no name", key.Start.Line, key.Start.Column);
        }

        var references = new List<FlowReference>();
        FlowReferences.Collect(flow, [], references);
        return new FlowDocument(((YamlScalarNode)key).Value ?? string.Empty, name, Scalar(flow, "description"), Scalar(flow, "division"), (JObject)ToJson(flow), references);
    }

    /// <summary>The canonical file text: sorted keys, two-space indent, LF, a trailing newline.</summary>
    public string ToYaml() => FlowYamlWriter.Write(ArchyType, Tree);

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;

    private static JToken ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JObject(mapping.Children
            .Select(pair => (Key: (pair.Key as YamlScalarNode)?.Value ?? pair.Key.ToString(), pair.Value))
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => new JProperty(pair.Key, ToJson(pair.Value)))),
        YamlSequenceNode sequence => new JArray(sequence.Children.Select(ToJson)),
        YamlScalarNode scalar => new JValue(scalar.Value ?? string.Empty),
        _ => JValue.CreateNull(),
    };
}
