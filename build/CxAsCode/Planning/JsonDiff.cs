using Newtonsoft.Json.Linq;

namespace CxAsCode.Planning;

/// <summary>Field-level differences between two canonical objects. Arrays compare as whole values.</summary>
internal static class JsonDiff
{
    public static IReadOnlyList<FieldChange> Between(JObject? before, JObject? after)
    {
        var changes = new List<FieldChange>();
        Walk(before, after, string.Empty, changes);
        return changes;
    }

    private static void Walk(JToken? before, JToken? after, string path, List<FieldChange> changes)
    {
        if (before is JObject or null && after is JObject or null && (before ?? after) is not null)
        {
            // A created or deleted object lists each of its fields, so the plan reads field by field.
            var b = before as JObject ?? [];
            var a = after as JObject ?? [];
            var names = b.Properties().Select(p => p.Name).Union(a.Properties().Select(p => p.Name)).Order(StringComparer.Ordinal);
            foreach (var name in names)
            {
                Walk(b[name], a[name], path.Length == 0 ? name : $"{path}.{name}", changes);
            }
        }
        else if (!JToken.DeepEquals(before, after))
        {
            changes.Add(new FieldChange(path, before?.DeepClone(), after?.DeepClone()));
        }
    }
}
