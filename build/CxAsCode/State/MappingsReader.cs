using CxAsCode.Resources;
using CxAsCode.Validation;
using Newtonsoft.Json.Linq;

namespace CxAsCode.State;

/// <summary>
/// Turns the content of <c>mappings/&lt;env&gt;.json</c> into <see cref="Mappings"/>, naming every entry
/// that does not fit the shape <c>{"references": {kind: {symbolic name: name in the org}}, "values": {key: text}}</c>.
/// The entries that do fit are kept, so one mistake does not turn every reference in state into an error.
/// </summary>
internal static class MappingsReader
{
    public static (Mappings Mappings, IReadOnlyList<(string Path, string Message)> Problems) Parse(JObject content)
    {
        var problems = new List<(string, string)>();
        var references = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var section in content.Properties())
        {
            var at = JsonPathText.Field(JsonPathText.Root, section.Name);
            switch (section.Name)
            {
                case "references" when section.Value is JObject kinds:
                    foreach (var kind in kinds.Properties())
                    {
                        var kindPath = JsonPathText.Field(at, kind.Name);
                        if (kind.Value is JObject names)
                        {
                            references[kind.Name] = Strings(names, kindPath, FieldLimits.NameMaxLength, "the name in the target org", problems);
                        }
                        else
                        {
                            problems.Add((kindPath, $"expected an object mapping each symbolic name to the {kind.Name} name in the target org, found {Describe(kind.Value)}"));
                        }
                    }

                    break;
                case "references":
                    problems.Add((at, $"expected an object of kinds, each mapping symbolic names to names in the target org (\"references\": {{\"divisions\": {{\"Home\": \"Home\"}}}}), found {Describe(section.Value)}"));
                    break;
                case "values" when section.Value is JObject texts:
                    foreach (var (key, text) in Strings(texts, at, FieldLimits.TextMaxLength, "the text that replaces {{key}}", problems))
                    {
                        values[key] = text;
                    }

                    break;
                case "values":
                    problems.Add((at, $"expected an object mapping each {{{{key}}}} to its text, found {Describe(section.Value)}"));
                    break;
                default:
                    problems.Add((at, $"unknown key '{section.Name}'; a mappings file holds only 'references' and 'values'"));
                    break;
            }
        }

        return (new Mappings(references, values), problems);
    }

    private static Dictionary<string, string> Strings(JObject map, string path, int maxLength, string meaning, List<(string, string)> problems)
    {
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in map.Properties())
        {
            var at = JsonPathText.Key(path, entry.Name);
            if (entry.Value is not JValue { Type: JTokenType.String } value)
            {
                problems.Add((at, $"expected a string ({meaning}), found {Describe(entry.Value)}"));
            }
            else if (((string)value!).Length > maxLength)
            {
                problems.Add((at, SchemaChecker.TooLong((string)value!, maxLength)));
            }
            else
            {
                strings[entry.Name] = (string)value!;
            }
        }

        return strings;
    }

    private static string Describe(JToken token) => token.Type switch
    {
        JTokenType.Object => "an object",
        JTokenType.Array => "an array",
        JTokenType.String => "a string",
        JTokenType.Integer or JTokenType.Float => "a number",
        JTokenType.Boolean => "true or false",
        JTokenType.Null => "null",
        _ => token.Type.ToString().ToLowerInvariant(),
    };
}
