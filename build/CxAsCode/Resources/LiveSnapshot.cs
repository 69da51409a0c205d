namespace CxAsCode.Resources;

/// <summary>What Extract read: every live object of every kind, indexed by id and by natural key.</summary>
public sealed class LiveSnapshot
{
    private readonly Dictionary<string, Dictionary<string, ResourceObject>> _byId = [];
    private readonly Dictionary<string, Dictionary<string, ResourceObject>> _byKey = [];

    public LiveSnapshot(IEnumerable<ResourceObject> objects)
    {
        foreach (var kind in ResourceKinds.All)
        {
            _byId[kind.Name] = new Dictionary<string, ResourceObject>(StringComparer.Ordinal);
            _byKey[kind.Name] = new Dictionary<string, ResourceObject>(NameComparer.Instance);
        }

        foreach (var obj in objects)
        {
            _byId[obj.Kind.Name][obj.Id ?? throw new ArgumentException($"Live {obj.Kind} '{obj.Key}' has no id.", nameof(objects))] = obj;
            _byKey[obj.Kind.Name][obj.Key] = obj;
        }
    }

    public IEnumerable<ResourceObject> Of(ResourceKind kind) => _byKey[kind.Name].Values.OrderBy(o => o.Key, StringComparer.Ordinal);

    public ResourceObject? ById(ResourceKind kind, string id) => _byId[kind.Name].GetValueOrDefault(id);

    public ResourceObject? ByKey(ResourceKind kind, string key) => _byKey[kind.Name].GetValueOrDefault(key);

    public int Count => _byId.Values.Sum(d => d.Count);

    public IEnumerable<ResourceObject> All => ResourceKinds.All.SelectMany(Of);
}
