using Newtonsoft.Json.Linq;

namespace CxAsCode.Resources;

/// <summary>
/// A user as the API returns it (User with <c>expand=skills,languages</c>: each skill a UserRoutingSkill
/// <c>{id, name, proficiency, state, skillUri, selfUri}</c>) → the shape state names: <c>skills: [{skill: {id}, proficiency}]</c>,
/// the same for languages, the manager as <c>{id}</c>. Only ids are kept, so a fingerprint moves with what the
/// user holds, never with a skill's display fields; a whole proficiency is written as a whole number (4, not 4.0),
/// as state writes it.
/// </summary>
internal static class UserShape
{
    public static JObject Of(JObject raw)
    {
        var shaped = new JObject();
        foreach (var property in raw.Properties())
        {
            shaped[property.Name] = property.Name switch
            {
                "skills" => Entries(property.Value, "skill"),
                "languages" => Entries(property.Value, "language"),
                "manager" when property.Value is JObject manager => new JObject { ["id"] = manager["id"]?.DeepClone() },
                _ => property.Value.DeepClone(),
            };
        }

        return shaped;
    }

    /// <summary>
    /// Entries already in state's shape (<c>{skill: {id}, proficiency}</c>, as a composed post-image holds them) pass
    /// through; API entries (<c>{id, proficiency, …}</c>) are reshaped.
    /// </summary>
    private static JArray Entries(JToken list, string reference) => new(
        (list as JArray ?? []).OfType<JObject>()
            .Select(e => new JObject
            {
                [reference] = new JObject { ["id"] = (e[reference] as JObject)?["id"]?.DeepClone() ?? e["id"]?.DeepClone() },
                ["proficiency"] = Proficiency(e["proficiency"]),
            })
            .OrderBy(e => (string?)e[reference]!["id"], StringComparer.Ordinal));

    /// <summary>A proficiency as state writes it: 4 for 4.0, 3.5 stays 3.5, none is 0 (UserRoutingSkillPost requires one).</summary>
    public static JToken Proficiency(JToken? value) => value?.Type switch
    {
        JTokenType.Integer => value.DeepClone(),
        JTokenType.Float when (double)value! is var number && number == Math.Floor(number) => new JValue((long)number),
        JTokenType.Float => value.DeepClone(),
        _ => new JValue(0L),
    };
}
