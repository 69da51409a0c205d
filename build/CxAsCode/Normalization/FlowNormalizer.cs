using CxAsCode.Flows;
using CxAsCode.Resources;
using CxAsCode.State;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Normalization;

/// <summary>
/// A flow in state form → canonical form for one environment: <c>{{key}}</c> placeholders filled from the
/// mappings' values, the YAML parsed and written back canonically (sorted keys, one scalar style, LF), and
/// name, type, description and division taken from it (flow.json's division when the YAML names none). A file
/// that does not parse keeps its text: Validate names the line and column before anything is sent.
/// </summary>
internal static class FlowNormalizer
{
    public static JObject ToCanonical(JObject state, Mappings mappings)
    {
        var body = (JObject)state.DeepClone();
        var text = (string?)state[FlowFields.Yaml] ?? string.Empty;
        try
        {
            var document = FlowDocument.Parse(FlowText.Substitute(text, mappings.Values));
            body["name"] = document.Name;
            body["type"] = document.ApiType;
            body[FlowFields.Yaml] = document.ToYaml();
            if (document.Description is not null)
            {
                body["description"] = document.Description;
            }

            if (document.Division is not null)
            {
                body["division"] = document.Division;
            }
        }
        catch (FlowYamlException)
        {
            body[FlowFields.Yaml] = FlowText.Substitute(text, mappings.Values);
        }

        if ((string?)body["division"] is { } division)
        {
            body["division"] = mappings.Resolve("divisions", division) ?? division;
        }

        return (JObject)Json.CanonicalJson.Canonicalize(body);
    }

    /// <summary>
    /// A live flow → what Sync writes: its canonical YAML, with each whole value that the flow's state file filled
    /// from a <c>{{key}}</c> turned back into that placeholder, so per-environment values stay out of state.
    /// </summary>
    public static JObject ToState(JObject canonical, JObject? written, Mappings mappings)
    {
        var body = (JObject)canonical.DeepClone();
        var keys = FlowText.Placeholders((string?)written?[FlowFields.Yaml] ?? string.Empty).Select(p => p.Key)
            .Where(mappings.Values.ContainsKey).Distinct(StringComparer.Ordinal).ToList();
        if (keys.Count == 0 || (string?)body[FlowFields.Yaml] is not { } yaml)
        {
            return body;
        }

        try
        {
            var document = FlowDocument.Parse(yaml);
            foreach (var value in document.Tree.Descendants().OfType<JValue>().ToList())
            {
                if (keys.FirstOrDefault(k => mappings.Values[k] == (string?)value) is { } key)
                {
                    value.Value = $"{{{{{key}}}}}";
                }
            }

            body[FlowFields.Yaml] = document.ToYaml();
        }
        catch (FlowYamlException)
        {
            // Live content we cannot parse is written as it came.
        }

        return body;
    }
}
