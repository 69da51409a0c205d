using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Store;

/// <summary>The list view: the version of each object that lists show right now, in list order overall,
/// per division and by name. Kept up to date as views change, so a list request only reads.</summary>
internal sealed partial class KindTable
{
    private readonly Dictionary<string, Listed> _listed = new(StringComparer.OrdinalIgnoreCase);
    private readonly OrderedIndex<ListKey> _order = new(ListKey.Order);
    private readonly Dictionary<string, OrderedIndex<ListKey>> _orderByDivision = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, HashSet<string>> _listedByName = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>What a list request with <paramref name="query"/> shows a caller who sees
    /// <paramref name="scope"/>. Unfiltered lists and single-division lists page straight off an index;
    /// id and name filters select a handful of objects, which are sorted here. An object in all divisions
    /// (<c>*</c>) is in every division, so a <c>divisionId</c> filter includes it.</summary>
    public Listing List(ListQuery query, DivisionScope scope)
    {
        if (query.Ids is null && query.Name is null)
        {
            if (query.DivisionIds is null && scope.IsAll)
            {
                return FromIndex(_order);
            }

            var divisions = query.DivisionIds is null
                ? [.. AllowedDivisions(scope)]
                : query.DivisionIds.Append(DivisionScope.AllDivisions).Distinct(StringComparer.OrdinalIgnoreCase).Where(scope.Allows).ToList();
            divisions.RemoveAll(d => !_orderByDivision.ContainsKey(d));
            if (divisions.Count <= 1)
            {
                return divisions.Count == 1 ? FromIndex(_orderByDivision[divisions[0]]) : Listing.Of([]);
            }

            // A client limited to some divisions, or several divisionId values: merge those divisions.
            return Sorted(divisions.SelectMany(d => _orderByDivision.TryGetValue(d, out var index) ? index.From(0) : [])
                .Select(key => _listed[key.Id]));
        }

        IEnumerable<Listed> candidates = query.Ids is not null
            ? query.Ids.Select(id => _listed.GetValueOrDefault(id)).OfType<Listed>()
            : _listedByName.TryGetValue(query.Name!, out var named) ? named.Select(id => _listed[id]) : [];
        return Sorted(candidates
            .Where(l => query.Name is null || string.Equals(l.Key.Name, query.Name, StringComparison.OrdinalIgnoreCase))
            .Where(l => query.DivisionIds is null || l.DivisionId == DivisionScope.AllDivisions || (l.DivisionId is not null && query.DivisionIds.Contains(l.DivisionId)))
            .Where(l => scope.Allows(l.DivisionId)));
    }

    private static IEnumerable<string> AllowedDivisions(DivisionScope scope) =>
        scope.DivisionIds.Append(DivisionScope.AllDivisions).Where(scope.Allows).Distinct(StringComparer.OrdinalIgnoreCase);

    private Listing FromIndex(OrderedIndex<ListKey> index) =>
        new(index.Count, rank => index.From(rank).Select(key => _listed[key.Id].Document));

    private static Listing Sorted(IEnumerable<Listed> entries) =>
        Listing.Of([.. entries.DistinctBy(l => l.Key.Id).OrderBy(l => l.Key, ListKey.Order).Select(l => l.Document)]);

    private void UpdateListing(Entity entity, JObject? document)
    {
        _listed.TryGetValue(entity.Id, out var old);
        if (ReferenceEquals(old?.Document, document))
        {
            return;
        }

        if (old is not null)
        {
            _listed.Remove(entity.Id);
            _order.Remove(old.Key);
            Bucket(_orderByDivision, old.DivisionId)?.Remove(old.Key);
            if (_listedByName.TryGetValue(old.Key.Name, out var ids) && ids.Remove(entity.Id) && ids.Count == 0)
            {
                _listedByName.Remove(old.Key.Name);
            }
        }

        if (document is null)
        {
            return;
        }

        var listed = new Listed(new ListKey(document.Str("name") ?? string.Empty, entity.Id), document.RefId("division"), document);
        _listed.Add(entity.Id, listed);
        _order.Add(listed.Key);
        if (listed.DivisionId is not null)
        {
            if (!_orderByDivision.TryGetValue(listed.DivisionId, out var index))
            {
                index = new OrderedIndex<ListKey>(ListKey.Order);
                _orderByDivision.Add(listed.DivisionId, index);
            }

            index.Add(listed.Key);
        }

        if (!_listedByName.TryGetValue(listed.Key.Name, out var named))
        {
            named = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            _listedByName.Add(listed.Key.Name, named);
        }

        named.Add(entity.Id);
    }

    private static OrderedIndex<ListKey>? Bucket(Dictionary<string, OrderedIndex<ListKey>> buckets, string? divisionId) =>
        divisionId is not null && buckets.TryGetValue(divisionId, out var index) ? index : null;

    private sealed record Listed(ListKey Key, string? DivisionId, JObject Document);
}
