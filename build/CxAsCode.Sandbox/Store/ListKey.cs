namespace CxAsCode.Sandbox.Store;

/// <summary>Where an object sits in a list: by name (case-insensitive), then by id, so pages are stable
/// while a client walks them.</summary>
internal readonly record struct ListKey(string Name, string Id)
{
    public static readonly IComparer<ListKey> Order = Comparer<ListKey>.Create(static (a, b) =>
    {
        var byName = StringComparer.OrdinalIgnoreCase.Compare(a.Name, b.Name);
        return byName != 0 ? byName : string.CompareOrdinal(a.Id, b.Id);
    });
}
