using CxAsCode.Json;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Planning.Rendering;

/// <summary>
/// A change to an array of plain values (wrap-up code names, skill names) seen as the elements removed and
/// added: with thirty wrap-up codes on a queue, the one that changed is what a reviewer needs to see.
/// </summary>
internal sealed record ArrayChange(IReadOnlyList<JToken> Removed, IReadOnlyList<JToken> Added)
{
    /// <summary>The element view, or null when the change is not between arrays of plain values.</summary>
    public static ArrayChange? Of(FieldChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!IsScalarArray(change.Before) || !IsScalarArray(change.After))
        {
            return null;
        }

        var before = (JArray?)change.Before ?? [];
        var after = (JArray?)change.After ?? [];
        if (before.Count == 0 && after.Count == 0)
        {
            return null;
        }

        var removed = Minus(before, after);
        var added = Minus(after, before);

        // Same elements in another order: only the whole arrays show what changed.
        return removed.Count == 0 && added.Count == 0 ? null : new ArrayChange(removed, added);
    }

    private static bool IsScalarArray(JToken? token) =>
        token is null || (token is JArray array && array.All(e => e is JValue));

    // Multiset difference, in the order of `from`, so a duplicate added once shows once.
    private static List<JToken> Minus(JArray from, JArray other)
    {
        var pool = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var element in other)
        {
            var key = CanonicalJson.Compact(element);
            pool[key] = pool.GetValueOrDefault(key) + 1;
        }

        var result = new List<JToken>();
        foreach (var element in from)
        {
            var key = CanonicalJson.Compact(element);
            if (pool.TryGetValue(key, out var count) && count > 0)
            {
                pool[key] = count - 1;
            }
            else
            {
                result.Add(element);
            }
        }

        return result;
    }
}
