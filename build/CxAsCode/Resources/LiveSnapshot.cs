namespace CxAsCode.Resources;

/// <summary>
/// What Extract read: every live object of every kind, indexed by id and by natural key; and, apart, the
/// deleted objects of restorable kinds (users), which a plan restores rather than creates.
/// </summary>
public sealed class LiveSnapshot
{
    private readonly Dictionary<string, Dictionary<string, ResourceObject>> _byId = [];
    private readonly Dictionary<string, Dictionary<string, ResourceObject>> _byKey = [];
    private readonly Dictionary<string, Dictionary<string, ResourceObject>> _deletedByKey = [];

    public LiveSnapshot(IEnumerable<ResourceObject> objects, IEnumerable<ResourceObject>? deleted = null)
    {
        foreach (var kind in ResourceKinds.All)
        {
            _byId[kind.Name] = new Dictionary<string, ResourceObject>(StringComparer.Ordinal);
            _byKey[kind.Name] = new Dictionary<string, ResourceObject>(NameComparer.Instance);
            _deletedByKey[kind.Name] = new Dictionary<string, ResourceObject>(NameComparer.Instance);
        }

        foreach (var obj in objects)
        {
            _byId[obj.Kind.Name][obj.Id ?? throw new ArgumentException($"Live {obj.Kind} '{obj.Key}' has no id.", nameof(objects))] = obj;
            _byKey[obj.Kind.Name][obj.Key] = obj;
        }

        foreach (var obj in deleted ?? [])
        {
            _deletedByKey[obj.Kind.Name][obj.Key] = obj;
        }
    }

    /// <summary>
    /// True once Normalize has named every reference: before, bodies hold the managed fields as the API gave them
    /// (references as <c>{id, name}</c>), as Extract selected them.
    /// </summary>
    public bool IsNormalized { get; init; }

    public IEnumerable<ResourceObject> Of(ResourceKind kind) => _byKey[kind.Name].Values.OrderBy(o => o.Key, StringComparer.Ordinal);

    public ResourceObject? ById(ResourceKind kind, string id) => _byId[kind.Name].GetValueOrDefault(id);

    public ResourceObject? ByKey(ResourceKind kind, string key) => _byKey[kind.Name].GetValueOrDefault(key);

    /// <summary>A deleted object of a restorable kind with this key (a user deleted in the org), or null.</summary>
    public ResourceObject? DeletedByKey(ResourceKind kind, string key) => _deletedByKey[kind.Name].GetValueOrDefault(key);

    /// <summary>The deleted objects of restorable kinds.</summary>
    public IEnumerable<ResourceObject> Deleted => _deletedByKey.Values.SelectMany(d => d.Values);

    public int Count => _byId.Values.Sum(d => d.Count);

    public IEnumerable<ResourceObject> All => ResourceKinds.All.SelectMany(Of);
}
