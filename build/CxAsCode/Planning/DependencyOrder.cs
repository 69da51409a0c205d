using CxAsCode.Resources;

namespace CxAsCode.Planning;

/// <summary>
/// Puts objects in the order their references demand (each after everything it names), in layers whose
/// members need nothing from one another and may be written in parallel; a cycle of references is named,
/// object by object. Pure: the caller says what each item is and what it names (<see cref="Dependencies"/>).
/// </summary>
internal static class DependencyOrder
{
    /// <summary>The items in layers: every item after the items it names; each layer in the input's order.</summary>
    /// <exception cref="DependencyCycleException">Some items name each other in a circle.</exception>
    public static IReadOnlyList<IReadOnlyList<T>> Layers<T>(IReadOnlyList<T> items, Func<T, (string Kind, string Key)> identity, Func<T, IEnumerable<(string Kind, string Key)>> names)
    {
        var needs = Needs(items, identity, names);
        var placed = new HashSet<int>();
        var layers = new List<IReadOnlyList<T>>();
        while (placed.Count < items.Count)
        {
            var layer = Enumerable.Range(0, items.Count).Where(i => !placed.Contains(i) && needs[i].All(placed.Contains)).ToList();
            if (layer.Count == 0)
            {
                throw new DependencyCycleException([.. FindCycle(needs, placed).Select(i => identity(items[i]))]);
            }

            placed.UnionWith(layer);
            layers.Add([.. layer.Select(i => items[i])]);
        }

        return layers;
    }

    /// <summary>One cycle among the items, as (kind, key) from its first member back to it; null when there is none.</summary>
    public static IReadOnlyList<(string Kind, string Key)>? Cycle<T>(IReadOnlyList<T> items, Func<T, (string Kind, string Key)> identity, Func<T, IEnumerable<(string Kind, string Key)>> names)
    {
        try
        {
            Layers(items, identity, names);
            return null;
        }
        catch (DependencyCycleException e)
        {
            return e.Cycle;
        }
    }

    /// <summary>For each item, the indexes of the other items it names.</summary>
    private static List<int>[] Needs<T>(IReadOnlyList<T> items, Func<T, (string Kind, string Key)> identity, Func<T, IEnumerable<(string Kind, string Key)>> names)
    {
        var byKey = new Dictionary<(string Kind, string Key), List<int>>(new KeyComparer());
        for (var i = 0; i < items.Count; i++)
        {
            var (kind, key) = identity(items[i]);
            Add(byKey, (kind, key), i);
            if (kind == ResourceKinds.Flows.Name && key.IndexOf('/', StringComparison.Ordinal) is var slash and >= 0)
            {
                Add(byKey, (kind, $"{Dependencies.AnyFlowType}/{key[(slash + 1)..]}"), i);
            }
        }

        return [.. Enumerable.Range(0, items.Count).Select(i => names(items[i])
            .SelectMany(name => byKey.GetValueOrDefault(name) ?? [])
            .Where(j => j != i)
            .Distinct()
            .ToList())];
    }

    private static void Add(Dictionary<(string Kind, string Key), List<int>> byKey, (string Kind, string Key) key, int index)
    {
        if (!byKey.TryGetValue(key, out var list))
        {
            byKey[key] = list = [];
        }

        list.Add(index);
    }

    /// <summary>Walks needs from the unplaced items until an item repeats; returns the loop from that item.</summary>
    private static List<int> FindCycle(List<int>[] needs, HashSet<int> placed)
    {
        var start = Enumerable.Range(0, needs.Length).First(i => !placed.Contains(i));
        var path = new List<int>();
        var current = start;
        while (!path.Contains(current))
        {
            path.Add(current);
            current = needs[current].First(j => !placed.Contains(j));
        }

        var loop = path[path.IndexOf(current)..];
        loop.Add(current);
        return loop;
    }

    private sealed class KeyComparer : IEqualityComparer<(string Kind, string Key)>
    {
        public bool Equals((string Kind, string Key) x, (string Kind, string Key) y) => x.Kind == y.Kind && NameComparer.Instance.Equals(x.Key, y.Key);

        public int GetHashCode((string Kind, string Key) obj) => HashCode.Combine(obj.Kind, NameComparer.Instance.GetHashCode(obj.Key));
    }
}

/// <summary>Objects that name each other in a circle: none can be written first.</summary>
internal sealed class DependencyCycleException(IReadOnlyList<(string Kind, string Key)> cycle)
    : Exception("Reference cycle: " + Describe(cycle) + ".")
{
    public IReadOnlyList<(string Kind, string Key)> Cycle { get; } = cycle;

    /// <summary>"queues 'Billing' → flows 'inqueueCall/Hold' → queues 'Billing'".</summary>
    public static string Describe(IReadOnlyList<(string Kind, string Key)> cycle) => string.Join(" → ", cycle.Select(c => $"{c.Kind} '{c.Key}'"));
}
