using System.Globalization;
using CxAsCode.Resources;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Validation;

/// <summary>
/// Checks a state object against its kind's <see cref="FieldSchema"/>: known fields, JSON types, enum
/// values, number ranges, text lengths, array sizes and the rules across an object's fields. Every problem
/// is listed, each with its JSON path.
/// </summary>
internal static class SchemaChecker
{
    public static IReadOnlyList<(string Path, string Message)> Check(JObject content, IReadOnlyDictionary<string, FieldSchema> fields)
    {
        var problems = new List<(string, string)>();
        CheckFields(content, fields, acceptsOthers: false, JsonPathText.Root, problems);
        return problems;
    }

    private static void CheckFields(JObject obj, IReadOnlyDictionary<string, FieldSchema>? fields, bool acceptsOthers, string path, List<(string, string)> problems)
    {
        foreach (var property in obj.Properties())
        {
            var at = JsonPathText.Field(path, property.Name);
            if (fields is not null && fields.TryGetValue(property.Name, out var schema))
            {
                CheckValue(property.Value, schema, at, problems);
            }
            else if (acceptsOthers)
            {
                // Content nobody checks still may not smuggle an oversized text into a request.
                CheckTextLengths(property.Value, at, problems);
            }
            else
            {
                problems.Add((at, $"unknown field '{property.Name}'; expected one of: {string.Join(", ", (fields?.Keys ?? []).Order(StringComparer.Ordinal))}"));
            }
        }
    }

    private static void CheckValue(JToken value, FieldSchema schema, string path, List<(string, string)> problems)
    {
        if (!HasType(value, schema.Type))
        {
            problems.Add((path, $"expected {Describe(schema.Type)}, found {Describe(value.Type)}"));
            return;
        }

        switch (value)
        {
            case JValue { Type: JTokenType.String } text:
                CheckText((string)text!, schema, path, problems);
                break;
            case JValue { Type: JTokenType.Integer or JTokenType.Float } number:
                CheckRange(number, schema, path, problems);
                break;
            case JArray array:
                CheckItems(array, schema, path, problems);
                break;
            case JObject obj:
                var before = problems.Count;
                CheckFields(obj, schema.Fields, schema.AcceptsOtherFields, path, problems);
                if (problems.Count == before)
                {
                    // Rules read the fields they tie together, so they run only once those fields are sound.
                    foreach (var (field, message) in schema.Rules.SelectMany(rule => rule.Check(obj)))
                    {
                        problems.Add((field.Length == 0 ? path : JsonPathText.Field(path, field), message));
                    }
                }

                break;
        }
    }

    private static void CheckText(string text, FieldSchema schema, string path, List<(string, string)> problems)
    {
        if (schema.AllowedValues is { } allowed && !allowed.Contains(text, StringComparer.Ordinal))
        {
            problems.Add((path, $"'{Shorten(text)}' is not allowed; expected one of: {string.Join(", ", allowed)}"));
        }
        else if (text.Length > schema.MaxLength)
        {
            problems.Add((path, TooLong(text, schema.MaxLength)));
        }
        else if (schema.Format?.Invoke(text) is { } problem)
        {
            problems.Add((path, problem));
        }
    }

    private static void CheckRange(JValue number, FieldSchema schema, string path, List<(string, string)> problems)
    {
        var value = JsonNumbers.AsDouble(number);
        var low = value < schema.Minimum;
        var high = value > schema.Maximum;
        if (!low && !high)
        {
            return;
        }

        var unit = schema.Unit is null ? string.Empty : " " + schema.Unit;
        var expected = (schema.Minimum, schema.Maximum) switch
        {
            ({ } min, { } max) => $"{JsonNumbers.Show(min)} to {JsonNumbers.Show(max)}{unit}",
            ({ } min, null) => $"at least {JsonNumbers.Show(min)}{unit}",
            (null, { } max) => $"at most {JsonNumbers.Show(max)}{unit}",
            _ => string.Empty,
        };
        problems.Add((path, $"{number.ToString(Formatting.None)}{unit} is too {(low ? "low" : "high")}; expected {expected}"));
    }

    private static void CheckItems(JArray array, FieldSchema schema, string path, List<(string, string)> problems)
    {
        if (array.Count < schema.MinItems || array.Count > schema.MaxItems)
        {
            var expected = (schema.MinItems, schema.MaxItems) switch
            {
                ({ } min, { } max) => $"{min} to {max}",
                ({ } min, null) => $"at least {min}",
                (null, { } max) => $"at most {max}",
                _ => string.Empty,
            };
            problems.Add((path, $"has {Count(array.Count, schema.ItemNoun)}; expected {expected} {schema.ItemNoun}s"));
        }

        if (schema.Items is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                CheckValue(array[i], items, JsonPathText.Item(path, i), problems);
            }
        }
    }

    private static void CheckTextLengths(JToken token, string path, List<(string, string)> problems)
    {
        switch (token)
        {
            case JValue { Type: JTokenType.String } text when ((string)text!).Length > FieldLimits.TextMaxLength:
                problems.Add((path, TooLong((string)text!, FieldLimits.TextMaxLength)));
                break;
            case JObject obj:
                foreach (var property in obj.Properties())
                {
                    CheckTextLengths(property.Value, JsonPathText.Field(path, property.Name), problems);
                }

                break;
            case JArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    CheckTextLengths(array[i], JsonPathText.Item(path, i), problems);
                }

                break;
        }
    }

    /// <summary>"too long: 52,428,800 characters, at most 8,192 allowed".</summary>
    internal static string TooLong(string text, int maximum) =>
        string.Create(CultureInfo.InvariantCulture, $"too long: {text.Length:N0} characters, at most {maximum:N0} allowed");

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    /// <summary>Echoes a wrong value without flooding the output when it is long.</summary>
    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

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
