using CxAsCode.Sandbox.Contract;
using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Kinds.Skills;

/// <summary>Skills: create and soft delete. The real API has no rename (renaming is delete + create), a
/// taken name is 409 <c>general.conflict</c>, and a deleted skill stays readable by id. A skill's state is
/// <c>active</c>, <c>inactive</c> or <c>deleted</c> (RoutingSkill.state in the contract); only an edit "in
/// the UI" makes one inactive, and an inactive skill still holds its name and shows in lists.</summary>
internal static class SkillOperations
{
    public const int MaxPageSize = 500;
    public const string Active = "active";
    public const string Deleted = "deleted";

    /// <summary>Not deleted: the skill can still be referenced and holds its name.</summary>
    public static bool IsUsable(JObject skill) => skill.Str("state") != Deleted;

    public static JObject Create(Org org, JObject body, WriteContext write, string? id = null)
    {
        var name = Names.Require(body);
        if (write.Realism.Validation)
        {
            ContractEnums.Validate("CreateRoutingSkill", body);
        }

        var home = org.HomeDivision.Str("id")!;
        write.Access.Demand(org, home, entityName: name);
        if (org.Skills.NameTaken(name, null))
        {
            throw ApiErrors.Conflict($"A skill with the name {name} already exists.", name);
        }

        var skill = new JObject
        {
            ["id"] = id ?? DeterministicId.NewRandom(),
            ["name"] = name,
            ["division"] = new JObject { ["id"] = home },
            ["state"] = Active,
            ["version"] = 1,
            ["dateModified"] = write.Stamp.Timestamp,
        };
        org.Skills.Commit(skill.Str("id")!, write.Revision(skill), write.Now);
        return skill;
    }

    /// <summary>Soft delete: the skill stays, with <c>state: deleted</c>; the list shows it so for a while
    /// (see <see cref="WriteContext.SkillDeletion"/>). Deleting it again is 404.</summary>
    public static JObject Delete(Org org, string id, WriteContext write)
    {
        var skill = org.Skills.Current(id);
        if (skill is null || !IsUsable(skill))
        {
            throw ApiErrors.NotFound("skill", id);
        }

        write.Access.Demand(org, skill.RefId("division"), skill.Str("id"), skill.Str("name"));
        var deleted = (JObject)skill.DeepClone();
        deleted["state"] = Deleted;
        Touch(deleted, write.Stamp);
        org.Skills.Commit(deleted.Str("id")!, write.SkillDeletion(deleted), write.Now);
        return deleted;
    }

    public static void Touch(JObject skill, Stamp stamp)
    {
        skill["version"] = (skill.Value<long?>("version") ?? 0) + 1;
        skill["dateModified"] = stamp.Timestamp;
    }
}
