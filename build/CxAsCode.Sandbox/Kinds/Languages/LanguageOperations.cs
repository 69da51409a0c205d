using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Kinds.Languages;

/// <summary>Routing languages: create and soft delete, as skills (genesys-api.md §3, §6): no rename, a taken name
/// is 409 <c>general.conflict</c>, and a deleted language stays readable by id with <c>state: deleted</c>
/// (Language.state in the contract: active, inactive, deleted). Languages have no division in the contract;
/// permissions are checked in the home division (POST and DELETE need <c>routing:skill:manage</c>).</summary>
internal static class LanguageOperations
{
    public const int MaxPageSize = 100;
    public const string Deleted = "deleted";

    public static JObject Create(Org org, JObject body, WriteContext write, string? id = null)
    {
        var name = Names.Require(body);
        write.Access.Demand(org, org.HomeDivision.Str("id"), entityName: name);
        if (org.Languages.NameTaken(name, null))
        {
            throw ApiErrors.Conflict($"A language with the name {name} already exists.", name);
        }

        var language = new JObject
        {
            ["id"] = id ?? DeterministicId.NewRandom(),
            ["name"] = name,
            // Not on the model: kept so lists and permission checks treat languages like the other kinds.
            ["division"] = new JObject { ["id"] = org.HomeDivision.Str("id") },
            ["state"] = "active",
            ["version"] = 1,
            ["dateModified"] = write.Stamp.Timestamp,
        };
        org.Languages.Commit(language.Str("id")!, write.Revision(language), write.Now);
        return language;
    }

    public static JObject Delete(Org org, string id, WriteContext write)
    {
        var language = org.Languages.Current(id);
        if (language is null || language.Str("state") == Deleted)
        {
            throw ApiErrors.NotFound("language", id);
        }

        write.Access.Demand(org, org.HomeDivision.Str("id"), language.Str("id"), language.Str("name"));
        var deleted = (JObject)language.DeepClone();
        deleted["state"] = Deleted;
        Touch(deleted, write.Stamp);
        org.Languages.Commit(id, write.SkillDeletion(deleted), write.Now);
        return deleted;
    }

    public static void Touch(JObject language, Stamp stamp)
    {
        language["version"] = (language.Value<long?>("version") ?? 0) + 1;
        language["dateModified"] = stamp.Timestamp;
    }
}
