using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Json;

/// <summary>
/// The one way this project turns JSON into text: keys sorted ordinally, nulls dropped, two-space indent,
/// LF line ends and a trailing newline. Writing the same object twice gives the same bytes, which is what
/// makes a git diff of <c>state/</c> mean a real change and a fingerprint mean the same content.
/// </summary>
public static class CanonicalJson
{
    /// <summary>
    /// Sorts object keys, removes null values and writes whole numbers without a decimal point, in place, at every
    /// depth: for trees this code has just built and owns (a canonical body), where a copy would only add work for
    /// the collector.
    /// </summary>
    public static JToken CanonicalizeInPlace(JToken token)
    {
        switch (token)
        {
            case JObject obj:
                // Most objects are already in order with no nulls: one pass tells, and only the others are rebuilt.
                if (!IsOrderedWithoutNulls(obj))
                {
                    var properties = obj.Properties().Where(p => p.Value.Type != JTokenType.Null).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
                    obj.RemoveAll();
                    foreach (var property in properties)
                    {
                        obj.Add(property);
                    }
                }

                for (var property = obj.First as JProperty; property is not null; property = property.Next as JProperty)
                {
                    CanonicalizeInPlace(property.Value);
                }

                break;
            case JArray array:
                for (var item = array.First; item is not null; item = item.Next)
                {
                    CanonicalizeInPlace(item);
                }

                break;
            case JValue { Type: JTokenType.Float } number when WholeNumber(number) is { } whole:
                number.Value = whole;
                break;
        }

        return token;
    }

    /// <summary>
    /// The value of a number with a decimal point that is whole (<c>30000.0</c>, as the API's Java doubles print),
    /// or null. The API reads <c>30000</c> and <c>30000.0</c> alike, so canonical form writes one of them: a plan
    /// must never show <c>30000 → 30000.0</c>, nor a deploy send it.
    /// </summary>
    private static long? WholeNumber(JValue number) => number.Value switch
    {
        decimal d when d == decimal.Truncate(d) && d >= long.MinValue && d <= long.MaxValue => (long)d,
        double x when double.IsFinite(x) && x == Math.Floor(x) && Math.Abs(x) < 9e18 => (long)x,
        float x when float.IsFinite(x) && x == MathF.Floor(x) && Math.Abs(x) < 9e18f => (long)x,
        _ => null,
    };

    /// <summary>True when <see cref="CanonicalizeInPlace"/> would change nothing: keys in order, no nulls, whole numbers without a point, at every depth.</summary>
    public static bool IsCanonical(JToken token)
    {
        switch (token)
        {
            case JObject obj:
                if (!IsOrderedWithoutNulls(obj))
                {
                    return false;
                }

                for (var property = obj.First as JProperty; property is not null; property = property.Next as JProperty)
                {
                    if (!IsCanonical(property.Value))
                    {
                        return false;
                    }
                }

                return true;
            case JArray array:
                for (var item = array.First; item is not null; item = item.Next)
                {
                    if (item.Type == JTokenType.Null || !IsCanonical(item))
                    {
                        return false;
                    }
                }

                return true;
            case JValue { Type: JTokenType.Float } number:
                return WholeNumber(number) is null;
            default:
                return true;
        }
    }

    private static bool IsOrderedWithoutNulls(JObject obj)
    {
        string? previous = null;
        for (var property = obj.First as JProperty; property is not null; property = property.Next as JProperty)
        {
            if (property.Value.Type == JTokenType.Null || (previous is not null && string.CompareOrdinal(previous, property.Name) >= 0))
            {
                return false;
            }

            previous = property.Name;
        }

        return true;
    }

    /// <summary>A deep copy with object keys sorted, null values removed and whole numbers without a decimal point.</summary>
    public static JToken Canonicalize(JToken token) => token switch
    {
        JObject obj => new JObject(obj.Properties()
            .Where(p => p.Value.Type != JTokenType.Null)
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new JProperty(p.Name, Canonicalize(p.Value)))),
        JArray array => new JArray(array.Select(Canonicalize)),
        JValue { Type: JTokenType.Float } number when WholeNumber(number) is { } whole => new JValue(whole),
        _ => token.DeepClone(),
    };

    /// <summary>Indented canonical text for files people read and diff.</summary>
    public static string Serialize(JToken token)
    {
        var builder = new StringBuilder();
        using (var writer = new StringWriter(builder) { NewLine = "\n" })
        using (var json = new JsonTextWriter(writer) { Formatting = Formatting.Indented, Indentation = 2 })
        {
            Canonicalize(token).WriteTo(json);
        }

        return builder.Append('\n').ToString();
    }

    /// <summary>Compact canonical text, for hashing and journals.</summary>
    public static string Compact(JToken token) => Canonicalize(token).ToString(Formatting.None);

    /// <summary>SHA-256 of the compact canonical text, lower-case hex.</summary>
    public static string Hash(JToken token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Compact(token))));

    private static readonly JsonLoadSettings NoLineInfo = new() { LineInfoHandling = LineInfoHandling.Ignore };

    /// <summary>Parses text without turning ISO dates into DateTime (state and API bodies keep strings).</summary>
    public static JToken Parse(string text)
    {
        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal, PropertyNameTable = SharedPropertyNames.Instance };
        return ReadOne(reader);
    }

    /// <summary>Parses a UTF-8 response body the same way; null when it is empty (204, or whitespace only).</summary>
    public static JToken? Parse(Stream utf8)
    {
        using var reader = new JsonTextReader(new StreamReader(utf8, Encoding.UTF8)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal, PropertyNameTable = SharedPropertyNames.Instance };
        return reader.Read() ? ReadOne(reader) : null;
    }

    /// <summary>Parses UTF-8 text kept by <see cref="Utf8"/>; null when it is empty.</summary>
    public static JToken? Parse(byte[] utf8)
    {
        using var stream = new MemoryStream(utf8, writable: false);
        return Parse(stream);
    }

    /// <summary>A token's compact text as UTF-8, as it is (not canonicalized): for keeping a body small until it is read again.</summary>
    public static byte[] Utf8(JToken token)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(false), 4096, leaveOpen: true))
        using (var json = new JsonTextWriter(writer) { Formatting = Formatting.None })
        {
            token.WriteTo(json);
        }

        return buffer.ToArray();
    }

    private static JToken ReadOne(JsonTextReader reader)
    {
        // No line numbers on every token: nothing reads them back (state files' syntax errors are located by
        // their own reader), and they cost an object per token across every file and response.
        var token = JToken.ReadFrom(reader, NoLineInfo);
        while (reader.Read())
        {
            if (reader.TokenType != JsonToken.Comment)
            {
                throw new JsonReaderException($"Unexpected content after the JSON value at line {reader.LineNumber}, position {reader.LinePosition}.");
            }
        }

        return token;
    }
}
