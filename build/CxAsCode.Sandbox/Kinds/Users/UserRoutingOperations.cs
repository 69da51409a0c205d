using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Kinds.Users;

/// <summary>
/// A user's routing skills and languages, each with a proficiency from 0 to 5 (the Terraform provider's
/// genesyscloud_user routing_skills/routing_languages schema validates the same range). Skills are replaced
/// in one call (<c>PUT …/routingskills/bulk</c>); languages are added or updated in one call
/// (<c>PATCH …/routinglanguages/bulk</c>, at most 50 a request, as the operation's summary says) and removed one
/// at a time (<c>DELETE …/routinglanguages/{id}</c>): the platform has no bulk removal for them.
/// </summary>
internal static class UserRoutingOperations
{
    public const int MaxLanguagesPerRequest = 50;

    public static JObject ReplaceSkills(Org org, string userId, JArray body, WriteContext write)
    {
        var user = Editable(org, userId, write);
        user["skills"] = Entries(org, org.Skills, body, "skill");
        return Commit(org, user, write);
    }

    public static JObject PatchLanguages(Org org, string userId, JArray body, WriteContext write)
    {
        if (body.Count > MaxLanguagesPerRequest)
        {
            throw ApiErrors.BadRequest($"At most {MaxLanguagesPerRequest} routing languages in one request.");
        }

        var user = Editable(org, userId, write);
        var current = (user["languages"] as JArray ?? []).OfType<JObject>().ToDictionary(l => l.Str("id")!, StringComparer.OrdinalIgnoreCase);
        foreach (var entry in Entries(org, org.Languages, body, "language").OfType<JObject>())
        {
            current[entry.Str("id")!] = entry;
        }

        user["languages"] = new JArray(current.Values);
        return Commit(org, user, write);
    }

    public static JObject RemoveLanguage(Org org, string userId, string languageId, WriteContext write)
    {
        var user = Editable(org, userId, write);
        user["languages"] = new JArray((user["languages"] as JArray ?? []).OfType<JObject>().Where(l => !string.Equals(l.Str("id"), languageId, StringComparison.OrdinalIgnoreCase)));
        return Commit(org, user, write);
    }

    private static JObject Editable(Org org, string userId, WriteContext write)
    {
        var user = org.Users.Current(userId);
        if (user is null || user.Str("state") == UserOperations.Deleted)
        {
            throw ApiErrors.NotFound("user", userId);
        }

        write.Access.Demand(org, user.RefId("division"), userId, user.Str("name"));
        return (JObject)user.DeepClone();
    }

    private static JObject Commit(Org org, JObject user, WriteContext write)
    {
        org.Users.Commit(user.Str("id")!, write.Revision(user), write.Now);
        return user;
    }

    /// <summary>Validates every entry before anything changes: an unknown or deleted skill or language, or a
    /// proficiency outside 0–5, is 400 <c>invalid.value</c>.</summary>
    private static JArray Entries(Org org, KindTable table, JArray body, string what)
    {
        var entries = new JArray();
        foreach (var item in body)
        {
            var id = (item as JObject)?.Str("id");
            var target = table.Current(id);
            if (target is null || target.Str("state") == "deleted")
            {
                throw ApiErrors.InvalidValue($"The {what} {id ?? "(no id)"} does not exist.", id);
            }

            var proficiency = item["proficiency"]?.Type is JTokenType.Integer or JTokenType.Float ? (double)item["proficiency"]! : 0;
            if (proficiency is < 0 or > 5)
            {
                throw ApiErrors.InvalidValue($"A {what} proficiency is from 0 to 5 (got {proficiency}).", id);
            }

            entries.Add(new JObject { ["id"] = target.Str("id"), ["proficiency"] = proficiency });
        }

        return entries;
    }
}
