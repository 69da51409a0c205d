using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Kinds.Divisions;
using CxAsCode.Sandbox.Kinds.Schedules;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Kinds.Users;

/// <summary>
/// Users as the platform keeps them (genesys-api.md §3, §4, §6): created with <c>name</c>, <c>email</c> and
/// <c>divisionId</c> (CreateUser); changed only by PATCH with the current <c>version</c> (a stale one is 409
/// <c>general.conflict</c>); deleted softly (<c>state: deleted</c>, listed with <c>state=deleted</c>); restored by
/// PATCH <c>{state: "active", version}</c>, keeping their id. An email held by a user, deleted or not, cannot be
/// created again: 409 <c>general.conflict</c>, the cue to restore. Emails are unique per org; the check looks
/// through the org's users (users are few next to queues and skills, and this path is not in the benchmark).
/// </summary>
internal static class UserOperations
{
    public const int MaxPageSize = 500;
    public const string Active = "active";
    public const string Deleted = "deleted";

    public static JObject Create(Org org, JObject body, WriteContext write, string? id = null)
    {
        var name = Names.Require(body);
        var email = body.Str("email") is { Length: > 0 } given ? given : throw ApiErrors.InvalidValue("A user needs an email.");
        var divisionId = body.Str("divisionId") is { } division
            ? DivisionView.ResolveForWrite(org, new JObject { ["division"] = new JObject { ["id"] = division } }, allowAllDivisions: false)
            : org.HomeDivision.Str("id")!;
        write.Access.Demand(org, divisionId, entityName: name);
        if (ByEmail(org, email) is { } holder)
        {
            throw ApiErrors.Conflict(
                holder.Str("state") == Deleted
                    ? $"A deleted user holds the email {email}; restore that user instead."
                    : $"A user with the email {email} already exists.",
                email);
        }

        var user = new JObject
        {
            ["id"] = id ?? DeterministicId.NewRandom(),
            ["name"] = name,
            ["email"] = email,
            ["username"] = email,
            ["division"] = new JObject { ["id"] = divisionId },
            ["state"] = Active,
            ["version"] = 1,
            ["skills"] = new JArray(),
            ["languages"] = new JArray(),
        };
        Assign(org, user, body);
        org.Users.Commit(user.Str("id")!, write.Revision(user), write.Now);
        return user;
    }

    /// <summary>PATCH: the fields given change, the rest stay; <c>state: active</c> restores a deleted user.</summary>
    public static JObject Patch(Org org, string id, JObject body, WriteContext write)
    {
        var user = (JObject)(org.Users.Current(id) ?? throw ApiErrors.NotFound("user", id)).DeepClone();
        write.Access.Demand(org, user.RefId("division"), id, user.Str("name"));
        Versions.Require(body, user, "user");
        if (user.Str("state") == Deleted && body.Str("state") != Active)
        {
            throw ApiErrors.NotFound("user", id); // a deleted user answers nothing but a restore
        }

        if (body.Str("email") is { } email && !string.Equals(email, user.Str("email"), StringComparison.OrdinalIgnoreCase) && ByEmail(org, email) is not null)
        {
            throw ApiErrors.Conflict($"A user with the email {email} already exists.", email);
        }

        if (body.Str("name") is { Length: > 0 } name)
        {
            user["name"] = name;
        }

        if (body.Str("email") is { Length: > 0 } newEmail)
        {
            user["email"] = newEmail;
        }

        if (body.Str("state") is { } state)
        {
            user["state"] = state is Active or "inactive" ? state : throw ApiErrors.InvalidValue($"A user's state cannot be set to {state} here; DELETE deletes.");
        }

        Assign(org, user, body);
        Touch(user);
        org.Users.Commit(id, write.Revision(user), write.Now);
        return user;
    }

    public static JObject Delete(Org org, string id, WriteContext write)
    {
        var user = org.Users.Current(id);
        if (user is null || user.Str("state") == Deleted)
        {
            throw ApiErrors.NotFound("user", id);
        }

        write.Access.Demand(org, user.RefId("division"), id, user.Str("name"));
        var deleted = (JObject)user.DeepClone();
        deleted["state"] = Deleted;
        Touch(deleted);
        org.Users.Commit(id, write.Revision(deleted), write.Now);
        Queues.QueueMemberOperations.RemoveEverywhere(org, id, write);
        return deleted;
    }

    public static void Touch(JObject user) => user["version"] = (user.Value<long?>("version") ?? 0) + 1;

    public static JObject? ByEmail(Org org, string email) =>
        org.Users.Entities.Select(e => e.Current).OfType<JObject>().FirstOrDefault(u => string.Equals(u.Str("email"), email, StringComparison.OrdinalIgnoreCase));

    /// <summary>Title, department and manager (a user id, as UpdateUser takes it; it must be a user of the org).</summary>
    private static void Assign(Org org, JObject user, JObject body)
    {
        foreach (var field in new[] { "title", "department" })
        {
            if (body[field] is { } value)
            {
                user[field] = value.Type == JTokenType.Null ? null : (string?)value;
            }
        }

        if (body["manager"] is { } manager)
        {
            var managerId = manager.Type == JTokenType.Null ? null : manager is JObject reference ? reference.Str("id") : (string?)manager;
            if (managerId is not null && (org.Users.Current(managerId) is null || managerId == user.Str("id")))
            {
                throw ApiErrors.InvalidValue($"The manager {managerId} is not another user of this organization.", managerId);
            }

            user["manager"] = managerId is null ? null : new JObject { ["id"] = managerId };
        }
    }
}
