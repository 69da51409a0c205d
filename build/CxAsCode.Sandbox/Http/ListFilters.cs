using CxAsCode.Sandbox.Store;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Http;

/// <summary>The filters every list accepts: <c>id</c> (repeatable, or comma separated) and <c>name</c>
/// (exact, case-insensitive), plus <c>divisionId</c> where the real list has it.</summary>
internal static class ListFilters
{
    public static IEnumerable<JObject> Apply(HttpRequest request, IEnumerable<JObject> items, bool byDivision = false)
    {
        var ids = Values(request, "id");
        if (ids.Count > 0)
        {
            items = items.Where(o => ids.Contains(o.Str("id") ?? string.Empty));
        }

        var name = request.Query["name"].FirstOrDefault();
        if (!string.IsNullOrEmpty(name))
        {
            items = items.Where(o => Json.NameEquals(o.Str("name"), name));
        }

        var divisions = byDivision ? Values(request, "divisionId") : [];
        if (divisions.Count > 0)
        {
            items = items.Where(o => divisions.Contains(o.RefId("division") ?? string.Empty));
        }

        return items;
    }

    private static HashSet<string> Values(HttpRequest request, string name) =>
        request.Query[name]
            .SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
