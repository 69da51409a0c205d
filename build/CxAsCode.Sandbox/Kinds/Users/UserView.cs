using CxAsCode.Sandbox.Kinds.Divisions;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Kinds.Users;

/// <summary>User as the API returns it (field names and types from the SDK's User model); <c>skills</c> and
/// <c>languages</c> only when asked for with <c>expand</c> (UserRoutingSkill, UserRoutingLanguage).</summary>
internal static class UserView
{
    public static string SelfUri(string? id) => $"/api/v2/users/{id}";

    public static JObject Render(Org org, JObject user, ISet<string> expand)
    {
        var view = new JObject
        {
            ["id"] = user.Str("id"),
            ["name"] = user.Str("name"),
            ["division"] = DivisionView.Reference(org, user.RefId("division")),
            ["email"] = user.Str("email"),
            ["username"] = user.Str("username"),
            ["state"] = user.Str("state"),
            ["title"] = user.Str("title"),
            ["department"] = user.Str("department"),
            ["manager"] = user.RefId("manager") is { } manager ? new JObject { ["id"] = manager, ["selfUri"] = SelfUri(manager) } : null,
            ["version"] = user.Value<long?>("version"),
            ["acdAutoAnswer"] = false,
            ["selfUri"] = SelfUri(user.Str("id")),
        };
        if (expand.Contains("skills"))
        {
            view["skills"] = Skills(org, user);
        }

        if (expand.Contains("languages"))
        {
            view["languages"] = Languages(org, user);
        }

        return (JObject)Json.WithoutNulls(view);
    }

    public static JArray Skills(Org org, JObject user) => new((user["skills"] as JArray ?? []).OfType<JObject>().Select(s => Entry(
        s, org.Skills.Current(s.Str("id")), "skillUri", $"/api/v2/routing/skills/{s.Str("id")}", $"{SelfUri(user.Str("id"))}/routingskills/{s.Str("id")}")));

    public static JArray Languages(Org org, JObject user) => new((user["languages"] as JArray ?? []).OfType<JObject>().Select(l => Entry(
        l, org.Languages.Current(l.Str("id")), "languageUri", $"/api/v2/routing/languages/{l.Str("id")}", $"{SelfUri(user.Str("id"))}/routinglanguages/{l.Str("id")}")));

    private static JObject Entry(JObject entry, JObject? target, string uriField, string uri, string self) => (JObject)Json.WithoutNulls(new JObject
    {
        ["id"] = entry.Str("id"),
        ["name"] = target?.Str("name"),
        ["proficiency"] = entry["proficiency"]?.DeepClone(),
        ["state"] = target?.Str("state") ?? "active",
        [uriField] = uri,
        ["selfUri"] = self,
    });
}
