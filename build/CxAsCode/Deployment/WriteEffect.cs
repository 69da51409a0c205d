using System.Globalization;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Deployment;

/// <summary>
/// Recognises our own write in what the platform now shows: every value we sent is there. The server may
/// add what we did not send (defaults, expanded references such as <c>{id, name, selfUri}</c> for our
/// <c>{id}</c>), so the check is "what we sent is contained in what we read", not equality.
/// </summary>
internal static class WriteEffect
{
    public static bool IsVisibleIn(JToken? current, JToken? sent) => (sent, current) switch
    {
        (null, _) => true,
        (JObject s, JObject c) => s.Properties().All(p => p.Value.Type == JTokenType.Null || IsVisibleIn(c[p.Name], p.Value)),
        (JArray s, JArray c) => s.Count == c.Count && s.Zip(c).All(pair => IsVisibleIn(pair.Second, pair.First)),
        (JValue s, JValue c) => JToken.DeepEquals(s, c) || SameText(s, c),
        _ => false,
    };

    // 30000 and 30000.0 are the same number to the API.
    private static bool SameText(JValue a, JValue b) =>
        a.Type is JTokenType.Integer or JTokenType.Float && b.Type is JTokenType.Integer or JTokenType.Float
        && Convert.ToDecimal(a.Value, CultureInfo.InvariantCulture) == Convert.ToDecimal(b.Value, CultureInfo.InvariantCulture);
}
