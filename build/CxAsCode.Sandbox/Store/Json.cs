using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Store;

/// <summary>Small JSON helpers shared by the store and the endpoints.</summary>
internal static class Json
{
    /// <summary>Parses JSON text without Newtonsoft's date sniffing: timestamps stay the exact strings that
    /// were sent or stored.</summary>
    public static JToken Parse(string text)
    {
        using var reader = new JsonTextReader(new StringReader(text))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Double,
        };
        var token = JToken.ReadFrom(reader);
        if (reader.Read())
        {
            throw new JsonReaderException("Unexpected content after the JSON value.");
        }

        return token;
    }

    public static string? Str(this JObject obj, string name) =>
        obj[name] is JValue { Type: JTokenType.String } value ? (string?)value : null;

    /// <summary>The id of an embedded reference such as <c>"division": {"id": …}</c>.</summary>
    public static string? RefId(this JObject obj, string name) =>
        obj[name] is JObject reference ? reference.Str("id") : null;

    /// <summary>The id of a reference token itself (<c>{"id": …}</c>); null for anything else.</summary>
    public static string? RefIdOf(this JToken token) => token is JObject reference ? reference.Str("id") : null;

    /// <summary>Removes null-valued properties at every depth: the real API omits them.</summary>
    public static JToken WithoutNulls(JToken token)
    {
        switch (token)
        {
            case JObject obj:
                foreach (var property in obj.Properties().ToList())
                {
                    // A null string converts to a String-typed JValue holding null, so test the value too.
                    if (property.Value is JValue { Value: null })
                    {
                        property.Remove();
                    }
                    else
                    {
                        WithoutNulls(property.Value);
                    }
                }

                break;
            case JArray array:
                foreach (var item in array)
                {
                    WithoutNulls(item);
                }

                break;
        }

        return token;
    }

    public static bool NameEquals(string? left, string? right) =>
        string.Equals(left, right, StringComparison.OrdinalIgnoreCase);
}
