using System.Globalization;
using CxAsCode.Sandbox.Kinds.Divisions;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Kinds.Skills;

/// <summary>RoutingSkill as the API returns it: <c>id, name, division, state, version, dateModified,
/// selfUri</c>. <c>version</c> is a string on the real model.</summary>
internal static class SkillView
{
    public static string SelfUri(string? id) => $"/api/v2/routing/skills/{id}";

    public static JObject Render(Org org, JObject skill) => (JObject)Json.WithoutNulls(new JObject
    {
        ["id"] = skill.Str("id"),
        ["name"] = skill.Str("name"),
        ["division"] = DivisionView.Reference(org, skill.RefId("division")),
        ["state"] = skill.Str("state"),
        ["version"] = skill.Value<long?>("version")?.ToString(CultureInfo.InvariantCulture),
        ["dateModified"] = skill.Str("dateModified"),
        ["selfUri"] = SelfUri(skill.Str("id")),
    });

    /// <summary>The <c>{id, name, selfUri}</c> form used inside a queue's bullseye rings.</summary>
    public static JObject Reference(Org org, string? skillId)
    {
        var skill = org.Skills.Current(skillId);
        return (JObject)Json.WithoutNulls(new JObject
        {
            ["id"] = skill?.Str("id") ?? skillId,
            ["name"] = skill?.Str("name"),
            ["selfUri"] = SelfUri(skill?.Str("id") ?? skillId),
        });
    }
}
