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
            foreach (var array in new JsonPathPattern(path).Select(body).OfType<JArray>().ToList())
            {
                var sorted = array.OrderBy(t => t.Type == JTokenType.String ? (string?)t : CanonicalJson.Compact(t), StringComparer.Ordinal).ToList();
                array.Replace(new JArray(sorted));
            }
        }

        // The body is the caller's own fresh copy: sorted where it is, not copied again.
        return (JObject)CanonicalJson.CanonicalizeInPlace(body);
    }
}
