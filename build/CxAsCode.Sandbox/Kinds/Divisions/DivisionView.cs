using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Kinds.Divisions;

/// <summary>AuthzDivision as the API returns it, and the <c>{id, name, selfUri}</c> reference other
/// objects embed.</summary>
internal static class DivisionView
{
    public const int MaxPageSize = 100;

    public static string SelfUri(string? id) => $"/api/v2/authorization/divisions/{id}";

    public static JObject Render(JObject division) => (JObject)Json.WithoutNulls(new JObject
    {
        ["id"] = division.Str("id"),
        ["name"] = division.Str("name"),
        ["description"] = division.Str("description"),
        ["homeDivision"] = division.Value<bool?>("homeDivision") ?? false,
        ["selfUri"] = SelfUri(division.Str("id")),
    });

    /// <summary>The reference an object embeds. An object in all divisions reads back with the id <c>*</c>,
    /// which is what the provider stores as division_id for such a wrap-up code ("If not set, * will be used
    /// to indicate all divisions", routing_wrapupcode/resource_genesyscloud_routing_wrapupcode_schema.go;
    /// readRoutingWrapupCode reads Division.Id). StarrableDivision has id, name and selfUri; the sources show
    /// only the id, so the name is <c>*</c> too.</summary>
    public static JObject Reference(Org org, string? divisionId)
    {
        if (divisionId == DivisionScope.AllDivisions)
        {
            return new JObject { ["id"] = DivisionScope.AllDivisions, ["name"] = DivisionScope.AllDivisions, ["selfUri"] = SelfUri(DivisionScope.AllDivisions) };
        }

        var division = org.FindDivision(divisionId);
        return (JObject)Json.WithoutNulls(new JObject
        {
            ["id"] = division?.Str("id") ?? divisionId,
            ["name"] = division?.Str("name"),
            ["selfUri"] = SelfUri(division?.Str("id") ?? divisionId),
        });
    }

    /// <summary>Resolves the <c>division</c> of a request body to a stored division id: absent means the
    /// home division (or all divisions, for objects whose platform default that is); <c>*</c> is accepted
    /// where all divisions are; an id that does not exist is 400 <c>invalid.value</c>.</summary>
    public static string ResolveForWrite(Org org, JObject body, bool allowAllDivisions, bool absentMeansAll = false)
    {
        var token = body["division"];
        if (token is null || token.Type == JTokenType.Null)
        {
            return absentMeansAll ? DivisionScope.AllDivisions : org.HomeDivision.Str("id")!;
        }

        var id = token is JObject reference ? reference.Str("id") : null;
        if (allowAllDivisions && id == DivisionScope.AllDivisions)
        {
            return DivisionScope.AllDivisions;
        }

        var division = org.FindDivision(id)
            ?? throw Http.ApiErrors.InvalidValue($"The division {id ?? "(no id)"} does not exist.", id);
        return division.Str("id")!;
    }
}
