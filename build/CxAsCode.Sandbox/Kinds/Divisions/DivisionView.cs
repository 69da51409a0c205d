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

    public static JObject Reference(Org org, string? divisionId)
    {
        var division = Org.FindById(org.Divisions, divisionId);
        return (JObject)Json.WithoutNulls(new JObject
        {
            ["id"] = division?.Str("id") ?? divisionId,
            ["name"] = division?.Str("name"),
            ["selfUri"] = SelfUri(division?.Str("id") ?? divisionId),
        });
    }

    /// <summary>Resolves the <c>division</c> of a request body to a stored division id: absent means the
    /// home division, as in the real API; an id that does not exist is 400 <c>invalid.value</c>.</summary>
    public static string ResolveForWrite(Org org, JObject body)
    {
        var token = body["division"];
        if (token is null || token.Type == JTokenType.Null)
        {
            return org.HomeDivision.Str("id")!;
        }

        var id = token is JObject reference ? reference.Str("id") : null;
        var division = Org.FindById(org.Divisions, id)
            ?? throw Http.ApiErrors.InvalidValue($"The division {id ?? "(no id)"} does not exist.", id);
        return division.Str("id")!;
    }
}
