using CxAsCode.Json;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Resources;

/// <summary>
/// The fingerprint of a live object: a hash of everything on it except server bookkeeping. It covers
/// fields we do not manage too, because a PUT sends them back: an edit to any of them after the plan must
/// stop the write. Sub-resource lists count as their sorted ids.
/// </summary>
internal static class Fingerprints
{
    public static string Of(ResourceKind kind, JObject raw)
    {
        var copy = kind.LiveShape?.Invoke(raw) ?? (JObject)raw.DeepClone();
        foreach (var field in kind.VolatileFields)
        {
            copy.Remove(field);
        }

        foreach (var sub in kind.SubResources)
        {
            if (copy[sub.Field] is JArray list)
            {
                copy[sub.Field] = new JArray(IdsOf(list).Order(StringComparer.Ordinal));
            }
        }

        return "sha256:" + CanonicalJson.Hash(copy);
    }

    /// <summary>The fingerprint of the object itself, without its sub-resource lists (they have their own writes and guards).</summary>
    public static string OfObject(ResourceKind kind, JObject raw)
    {
        var copy = (JObject)raw.DeepClone();
        foreach (var sub in kind.SubResources)
        {
            copy.Remove(sub.Field);
        }

        return Of(kind, copy);
    }

    /// <summary>The fingerprint of a sub-resource list: its ids, sorted.</summary>
    public static string OfMembers(IEnumerable<string> ids) =>
        "sha256:" + CanonicalJson.Hash(new JArray(ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)));

    /// <summary>The ids in a list of <c>{"id": …}</c> references.</summary>
    public static IEnumerable<string> IdsOf(JArray list) =>
        list.Select(t => t is JObject o ? (string?)o["id"] : (string?)t).OfType<string>();
}
