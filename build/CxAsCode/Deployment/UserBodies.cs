using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Deployment;

/// <summary>
/// What one user's write sends, worked out purely from where the user should be (a target, in
/// <see cref="UserShape"/> form with ids) and where it is: the journaled body of the write, with a part per
/// endpoint — <c>create</c> (POST users: CreateUser), <c>restore</c> (PATCH <c>{state: active}</c>), <c>patch</c>
/// (PATCH users/{id}: UpdateUser's name, email, title, department, manager), <c>routingSkills</c> (PUT …/routingskills/bulk,
/// the whole list), <c>routingLanguages</c> (PATCH …/routinglanguages/bulk: added or changed ones) and
/// <c>removeLanguages</c> (DELETE …/routinglanguages/{id} each: the API has no bulk removal). The division is
/// not here: a user moves through the divisions objects endpoint, as its own write.
/// </summary>
internal static class UserBodies
{
    /// <summary>The UpdateUser fields state manages, besides the routing lists and the division.</summary>
    private static readonly string[] PatchFields = ["name", "email", "title", "department", "manager"];

    /// <summary>A desired canonical user → the target shape, references as ids.</summary>
    public static JObject Target(JObject desired, Func<ResourceKind, string, string> resolveId)
    {
        var target = new JObject();
        foreach (var field in new[] { "name", "email", "title", "department" })
        {
            if (desired[field] is { } value)
            {
                target[field] = value.DeepClone();
            }
        }

        if ((string?)desired["division"] is { } division)
        {
            target["division"] = new JObject { ["id"] = resolveId(ResourceKinds.Divisions, division) };
        }

        if ((string?)desired["manager"] is { } manager)
        {
            target["manager"] = new JObject { ["id"] = resolveId(ResourceKinds.Users, manager) };
        }

        target["skills"] = Entries(desired["skills"], "skill", ResourceKinds.Skills, resolveId);
        target["languages"] = Entries(desired["languages"], "language", ResourceKinds.Languages, resolveId);
        return UserShape.Of(target);
    }

    /// <summary>The body that takes <paramref name="current"/> (raw or shaped; null: the user does not exist yet) to <paramref name="target"/>.</summary>
    public static JObject Between(JObject target, JObject? current, bool restore = false)
    {
        var body = new JObject();
        var now = current is null ? null : UserShape.Of(current);
        if (now is null)
        {
            body["create"] = new JObject
            {
                ["name"] = target["name"]?.DeepClone(),
                ["email"] = target["email"]?.DeepClone(),
                ["divisionId"] = target["division"]?["id"]?.DeepClone(),
                ["title"] = target["title"]?.DeepClone(),
                ["department"] = target["department"]?.DeepClone(),
            };
            RemoveNulls((JObject)body["create"]!);
        }

        if (restore)
        {
            body["restore"] = true;
        }

        var patch = new JObject();
        // A new user's other fields go in its create body; CreateUser has no manager, so a PATCH sets it.
        foreach (var field in PatchFields.Where(f => now is not null || f == "manager"))
        {
            var wanted = field == "manager" ? target["manager"]?["id"] : target[field];
            var held = field == "manager" ? now?["manager"]?["id"] : now?[field];
            if (!JToken.DeepEquals(Nullable(wanted), Nullable(held)))
            {
                patch[field] = wanted?.DeepClone() ?? JValue.CreateNull();
            }
        }

        if (patch.HasValues)
        {
            body["patch"] = patch;
        }

        var skills = Ids(target["skills"], "skill");
        if (!skills.SequenceEqual(Ids(now?["skills"], "skill"), JToken.EqualityComparer))
        {
            body["routingSkills"] = new JArray(skills);
        }

        var languages = Ids(target["languages"], "language");
        var heldLanguages = Ids(now?["languages"], "language");
        var added = languages.Where(l => !heldLanguages.Any(h => JToken.DeepEquals(h, l))).ToList();
        var removed = heldLanguages.Select(h => (string)h["id"]!).Except(languages.Select(l => (string)l["id"]!), StringComparer.Ordinal).ToList();
        if (added.Count > 0)
        {
            body["routingLanguages"] = new JArray(added);
        }

        if (removed.Count > 0)
        {
            body["removeLanguages"] = new JArray(removed);
        }

        return body;
    }

    /// <summary>True when the body sends nothing.</summary>
    public static bool IsEmpty(JObject body) => !body.HasValues;

    /// <summary>The user as the write leaves it (for the journal's post-image and fingerprint): the last user the API
    /// returned, with the routing lists the write set (or the ones it did not touch).</summary>
    public static JObject After(JObject user, JObject? before, JObject body)
    {
        var after = (JObject)user.DeepClone();
        var was = before is null ? null : UserShape.Of(before);
        after["skills"] = body["routingSkills"] is JArray skills ? ToApi(skills.OfType<JObject>()) : ToApi(Ids(was?["skills"], "skill"));
        var languages = Ids(was?["languages"], "language")
            .Where(l => !(body["removeLanguages"] as JArray ?? []).Any(r => (string?)r == (string?)l["id"]))
            .Where(l => !(body["routingLanguages"] as JArray ?? []).Any(a => (string?)a["id"] == (string?)l["id"]))
            .Concat((body["routingLanguages"] as JArray ?? []).OfType<JObject>());
        after["languages"] = ToApi(languages);
        return after;
    }

    private static JArray Entries(JToken? list, string reference, ResourceKind kind, Func<ResourceKind, string, string> resolveId) => new(
        (list as JArray ?? []).OfType<JObject>().Select(e => new JObject
        {
            [reference] = new JObject { ["id"] = resolveId(kind, (string)e[reference]!) },
            ["proficiency"] = e["proficiency"]?.DeepClone(),
        }));

    /// <summary>Shaped entries → the API's <c>[{id, proficiency}]</c>, sorted by id.</summary>
    private static List<JObject> Ids(JToken? shaped, string reference) =>
        [.. (shaped as JArray ?? []).OfType<JObject>()
            .Select(e => new JObject { ["id"] = e[reference]?["id"]?.DeepClone(), ["proficiency"] = UserShape.Proficiency(e["proficiency"]) })
            .OrderBy(e => (string?)e["id"], StringComparer.Ordinal)];

    private static JArray ToApi(IEnumerable<JObject> entries) => new(entries.Select(e => e.DeepClone()));

    private static JToken Nullable(JToken? token) => token ?? JValue.CreateNull();

    private static void RemoveNulls(JObject body)
    {
        foreach (var property in body.Properties().Where(p => p.Value.Type == JTokenType.Null).ToList())
        {
            property.Remove();
        }
    }
}
