using CxAsCode.Json;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Normalization;

/// <summary>The last step of every normalization: sort what has no order, then sort keys and drop nulls.</summary>
internal static class Canonical
{
    public static JObject Finish(ResourceKind kind, JObject body)
    {
        foreach (var path in kind.UnorderedArrays)
        {
            foreach (var array in JsonPathPattern.Of(path).Select(body).OfType<JArray>().ToList())
            {
                var sorted = array.OrderBy(SortKey, StringComparer.Ordinal).ToList();
                array.Replace(new JArray(sorted));
            }
        }

        // The body is the caller's own fresh copy: sorted where it is, not copied again.
        return (JObject)CanonicalJson.CanonicalizeInPlace(body);
    }

    /// <summary>True when every array without meaning in <paramref name="body"/> is already in canonical order.</summary>
    public static bool IsSorted(ResourceKind kind, JObject body)
    {
        foreach (var path in kind.UnorderedArrays)
        {
            foreach (var array in JsonPathPattern.Of(path).Select(body).OfType<JArray>())
            {
                string? previous = null;
                foreach (var item in array)
                {
                    var key = SortKey(item);
                    if (previous is not null && string.CompareOrdinal(previous, key) > 0)
                    {
                        return false;
                    }

                    previous = key;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// A string sorts as itself; an object by its first text field, then as a whole (a user's skills sort by skill
    /// name, <c>{"proficiency": 4, "skill": "Billing"}</c> before <c>{"proficiency": 3, "skill": "Payments"}</c>), so
    /// a file lists them as a person would.
    /// </summary>
    private static string? SortKey(JToken token) => token switch
    {
        { Type: JTokenType.String } => (string?)token,
        JObject o => (o.Properties().Select(p => p.Value).OfType<JValue>().FirstOrDefault(v => v.Type == JTokenType.String)?.ToString() ?? string.Empty) + "\u0000" + CanonicalJson.Compact(o),
        _ => CanonicalJson.Compact(token),
    };
}
