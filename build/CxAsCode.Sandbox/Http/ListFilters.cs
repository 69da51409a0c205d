using CxAsCode.Sandbox.Store;
using Microsoft.AspNetCore.Http;

namespace CxAsCode.Sandbox.Http;

/// <summary>Reads the filters every list accepts: <c>id</c> (repeatable, or comma separated) and
/// <c>name</c> (exact, case-insensitive), plus <c>divisionId</c> where the real list has it.</summary>
internal static class ListFilters
{
    public static ListQuery Parse(HttpRequest request, bool byDivision = false)
    {
        var name = request.Query["name"].FirstOrDefault();
        return new ListQuery(
            Values(request, "id"),
            string.IsNullOrEmpty(name) ? null : name,
            byDivision ? Values(request, "divisionId") : null);
    }

    /// <summary>Applies a query to a small in-memory collection (divisions, one queue's wrap-up codes),
    /// sorted in list order.</summary>
    public static Listing Apply(ListQuery query, IEnumerable<Newtonsoft.Json.Linq.JObject> items) => Listing.Of([.. items
        .Where(o => query.Ids is null || query.Ids.Contains(o.Str("id") ?? string.Empty))
        .Where(o => query.Name is null || Json.NameEquals(o.Str("name"), query.Name))
        .Where(o => query.DivisionIds is null || query.DivisionIds.Contains(o.RefId("division") ?? string.Empty))
        .OrderBy(o => new ListKey(o.Str("name") ?? string.Empty, o.Str("id") ?? string.Empty), ListKey.Order)]);

    private static HashSet<string>? Values(HttpRequest request, string name)
    {
        var values = request.Query[name]
            .SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return values.Count > 0 ? values : null;
    }
}
