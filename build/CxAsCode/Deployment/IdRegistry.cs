using System.Collections.Concurrent;
using CxAsCode.Resources;

namespace CxAsCode.Deployment;

/// <summary>Natural key → live id per kind, seeded from the snapshot and updated as the deploy creates objects.</summary>
internal sealed class IdRegistry
{
    private readonly ConcurrentDictionary<(string Kind, string Key), string> _ids = new(new KeyComparer());

    public IdRegistry(LiveSnapshot live)
    {
        foreach (var item in live.All)
        {
            _ids[(item.Kind.Name, item.Key)] = item.Id!;
        }
    }

    public void Set(ResourceKind kind, string key, string id) => _ids[(kind.Name, key)] = id;

    public void Remove(ResourceKind kind, string key) => _ids.TryRemove((kind.Name, key), out _);

    /// <summary>The id for a name in the target org; throws when the org has no such object.</summary>
    public string Resolve(ResourceKind kind, string key) =>
        _ids.TryGetValue((kind.Name, key), out var id)
            ? id
            : throw new InvalidOperationException($"The target org has no {kind} named '{key}'.");

    private sealed class KeyComparer : IEqualityComparer<(string Kind, string Key)>
    {
        public bool Equals((string Kind, string Key) x, (string Kind, string Key) y) =>
            x.Kind == y.Kind && NameComparer.Instance.Equals(x.Key, y.Key);

        public int GetHashCode((string Kind, string Key) obj) => HashCode.Combine(obj.Kind, NameComparer.Instance.GetHashCode(obj.Key));
    }
}
