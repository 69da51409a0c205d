using Newtonsoft.Json.Linq;

namespace CxAsCode.Flows;

/// <summary>One difference between two flows, by readable path.</summary>
/// <param name="Path">Where (see <see cref="FlowPaths"/>).</param>
/// <param name="Before">The old text; null when it was added.</param>
/// <param name="After">The new text; null when it was removed.</param>
public sealed record FlowChange(string Path, string? Before, string? After)
{
    public override string ToString() => (Before, After) switch
    {
        (null, _) => $"+ {Path}: {After}",
        (_, null) => $"- {Path}: {Before}",
        _ => $"~ {Path}: {Before} → {After}",
    };
}

/// <summary>
/// The semantic difference of two flow trees (<see cref="FlowDocument.Tree"/>): never a whole-file replacement.
/// List items are matched by their identity (action and name) where they have one, else by position, so
/// inserting a menu choice shows as one addition, not as every later choice changing. A changed scalar shows as
/// <c>before → after</c>; an added or removed subtree as one entry with its compact text.
/// </summary>
public static class FlowDiff
{
    public static IReadOnlyList<FlowChange> Between(JObject before, JObject after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<FlowChange>();
        Walk(before, after, [], changes);
        return changes;
    }

    private static void Walk(JToken? before, JToken? after, List<string> path, List<FlowChange> changes)
    {
        switch (before, after)
        {
            case (JObject left, JObject right):
                foreach (var name in left.Properties().Select(p => p.Name).Union(right.Properties().Select(p => p.Name)).Order(StringComparer.Ordinal))
                {
                    var next = left[name] ?? right[name]!;
                    path.Add(FlowPaths.Segment(name, next));
                    Walk(left[name], right[name], path, changes);
                    path.RemoveAt(path.Count - 1);
                }

                break;
            case (JArray left, JArray right):
                WalkItems(left, right, path, changes);
                break;
            default:
                if (!JToken.DeepEquals(before, after))
                {
                    changes.Add(new FlowChange(Describe(path), Text(before), Text(after)));
                }

                break;
        }
    }

    private static void WalkItems(JArray left, JArray right, List<string> path, List<FlowChange> changes)
    {
        var leftKeys = left.Select((item, i) => FlowPaths.ItemSegment(item, i + 1)).ToList();
        var rightKeys = right.Select((item, i) => FlowPaths.ItemSegment(item, i + 1)).ToList();
        var named = leftKeys.Concat(rightKeys).All(k => k.Contains('"', StringComparison.Ordinal))
            && leftKeys.Distinct(StringComparer.Ordinal).Count() == leftKeys.Count
            && rightKeys.Distinct(StringComparer.Ordinal).Count() == rightKeys.Count;
        if (!named)
        {
            for (var i = 0; i < Math.Max(left.Count, right.Count); i++)
            {
                path.Add(FlowPaths.ItemSegment(i < right.Count ? right[i] : left[i], i + 1));
                WalkItem(i < left.Count ? left[i] : null, i < right.Count ? right[i] : null, path, changes);
                path.RemoveAt(path.Count - 1);
            }

            return;
        }

        foreach (var key in leftKeys.Union(rightKeys, StringComparer.Ordinal))
        {
            var l = leftKeys.IndexOf(key);
            var r = rightKeys.IndexOf(key);
            path.Add(key);
            WalkItem(l < 0 ? null : left[l], r < 0 ? null : right[r], path, changes);
            path.RemoveAt(path.Count - 1);
        }
    }

    /// <summary>An item like <c>- transferToAcd: {…}</c> is named by its segment already: compare what it holds.</summary>
    private static void WalkItem(JToken? before, JToken? after, List<string> path, List<FlowChange> changes)
    {
        var (left, right) = (Inner(before), Inner(after));
        if ((left, right) is ({ } l, { } r) && l.Key == r.Key)
        {
            Walk(l.Value, r.Value, path, changes);
        }
        else if (before is null && right is { } added)
        {
            Walk(null, added.Value, path, changes);
        }
        else if (after is null && left is { } removed)
        {
            Walk(removed.Value, null, path, changes);
        }
        else
        {
            Walk(before, after, path, changes);
        }
    }

    private static (string Key, JObject Value)? Inner(JToken? item) =>
        item is JObject { Count: 1 } single && single.Properties().Single() is { Value: JObject inner } only ? (only.Name, inner) : null;

    private static string Describe(List<string> path) => FlowPaths.Join(path.Where(s => s != "name" || path.Count == 1));

    private static string? Text(JToken? token) => token switch
    {
        null => null,
        JValue value => Newtonsoft.Json.JsonConvert.ToString((string?)value),
        _ => token.ToString(Newtonsoft.Json.Formatting.None),
    };
}
