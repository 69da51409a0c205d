using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Validation;

/// <summary>Checks a state object against its kind's <see cref="FieldSchema"/>: known keys, JSON types, enum values.</summary>
internal static class SchemaChecker
{
    public static IEnumerable<(string Path, string Message)> Check(JObject content, IReadOnlyDictionary<string, FieldSchema> fields) =>
        CheckObject(content, fields, "$");

    private static IEnumerable<(string, string)> CheckObject(JObject obj, IReadOnlyDictionary<string, FieldSchema> fields, string path)
    {
        foreach (var property in obj.Properties())
        {
            var at = $"{path}.{property.Name}";
            if (!fields.TryGetValue(property.Name, out var schema))
            {
                yield return (at, $"unknown field '{property.Name}'; expected one of: {string.Join(", ", fields.Keys.Order(StringComparer.Ordinal))}");
                continue;
            }

            foreach (var problem in CheckValue(property.Value, schema, at))
            {
                yield return problem;
            }
        }
    }

    private static IEnumerable<(string, string)> CheckValue(JToken value, FieldSchema schema, string path)
    {
        if (!HasType(value, schema.Type))
        {
            yield return (path, $"expected {Describe(schema.Type)}, found {Describe(value.Type)}");
            yield break;
        }

        if (schema.AllowedValues is { } allowed && !allowed.Contains((string)value!, StringComparer.Ordinal))
        {
            yield return (path, $"'{value}' is not allowed; expected one of: {string.Join(", ", allowed)}");
        }

        var nested = value switch
        {
            JObject obj when schema.Fields is { } fields => CheckObject(obj, fields, path),
            JArray array when schema.Items is { } items => array.SelectMany((item, i) => CheckValue(item, items, $"{path}[{i}]")),
            _ => [],
        };
        foreach (var problem in nested)
        {
            yield return problem;
        }
    }

    private static bool HasType(JToken value, JTokenType expected) => expected switch
    {
        JTokenType.Float => value.Type is JTokenType.Float or JTokenType.Integer,
        _ => value.Type == expected,
    };

    private static string Describe(JTokenType type) => type switch
    {
        JTokenType.String => "a string",
        JTokenType.Integer => "a whole number",
        JTokenType.Float => "a number",
        JTokenType.Boolean => "true or false",
        JTokenType.Object => "an object",
        JTokenType.Array => "an array",
        JTokenType.Null => "null",
        _ => type.ToString().ToLowerInvariant(),
    };
}
