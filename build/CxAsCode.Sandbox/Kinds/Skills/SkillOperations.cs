using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Kinds.Skills;

/// <summary>Skills: create and soft delete. The real API has no rename (renaming is delete + create), a
/// taken name is 409 <c>general.conflict</c>, and a deleted skill stays readable by id.</summary>
internal static class SkillOperations
{
    public const int MaxPageSize = 500;
    public const string Active = "active";
    public const string Deleted = "deleted";

    public static bool IsActive(JObject skill) => skill.Str("state") == Active;

    public static JObject Create(Org org, JObject body, Stamp stamp, string? id = null)
    {
        var name = Names.Require(body);
        if (org.Skills.Any(s => IsActive(s) && Json.NameEquals(s.Str("name"), name)))
        {
            throw ApiErrors.Conflict($"A skill with the name {name} already exists.", name);
        }

        var skill = new JObject
        {
            ["id"] = id ?? DeterministicId.NewRandom(),
            ["name"] = name,
            ["division"] = new JObject { ["id"] = org.HomeDivision.Str("id") },
            ["state"] = Active,
            ["version"] = 1,
            ["dateModified"] = stamp.Timestamp,
        };
        org.Skills.Add(skill);
        return skill;
    }

    /// <summary>Soft delete: the skill stays, with <c>state: deleted</c>. Deleting it again is 404.</summary>
    public static JObject Delete(Org org, string id, Stamp stamp)
    {
        var skill = Org.FindById(org.Skills, id);
        if (skill is null || !IsActive(skill))
        {
            throw ApiErrors.NotFound("skill", id);
        }

        skill["state"] = Deleted;
        Touch(skill, stamp);
        return skill;
    }

    public static void Touch(JObject skill, Stamp stamp)
    {
        skill["version"] = (skill.Value<long?>("version") ?? 0) + 1;
        skill["dateModified"] = stamp.Timestamp;
    }
}
