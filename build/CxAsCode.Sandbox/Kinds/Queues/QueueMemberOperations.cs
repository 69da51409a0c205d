using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Permissions;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Kinds.Queues;

/// <summary>
/// A queue's members (contract: GetRoutingQueueMembers pages by at most 100 and sorts by name;
/// PostRoutingQueueMembers adds, or with <c>delete=true</c> removes, up to 100 users per call; DeleteRoutingQueueMember
/// removes one). Stored on the queue as user ids (<c>members</c>, the sandbox's bookkeeping, never shown on a
/// Queue). Only users that exist and are not deleted can join; a deleted user leaves every queue, as on the
/// platform, so a restored user has to be added back.
/// </summary>
internal static class QueueMemberOperations
{
    public const int MaxPageSize = 100;
    public const int MaxPerCall = 100;

    public static IReadOnlyList<string> MemberIds(JObject? queue) =>
        [.. (queue?["members"] as JArray ?? []).Select(t => (string?)t).OfType<string>()];

    /// <summary>The queue's members GET can see, sorted by name (the contract's sort), as QueueMember objects.</summary>
    public static IEnumerable<JObject> List(Org org, string queueId, Access access)
    {
        var visible = Visible.Get(org, org.Queues, queueId, "queue", access);
        var queue = org.Queues.Current(queueId) ?? visible;
        return MemberIds(queue).Select(org.Users.Current).OfType<JObject>()
            .OrderBy(u => u.Str("name"), StringComparer.OrdinalIgnoreCase)
            .Select(Render);
    }

    public static void Change(Org org, string queueId, JToken body, bool delete, WriteContext write)
    {
        var queue = QueueOperations.Find(org, queueId, write);
        if (body is not JArray references)
        {
            throw ApiErrors.BadRequest("The request body must be a JSON array of users ({id}).");
        }

        if (references.Count > MaxPerCall)
        {
            throw ApiErrors.BadRequest($"At most {MaxPerCall} members can be added or removed in one request.");
        }

        var ids = references.Select(reference => (reference as JObject)?.Str("id") ?? throw ApiErrors.BadRequest("Each member needs an id.")).ToList();
        var members = MemberIds(queue).ToList();
        if (delete)
        {
            members.RemoveAll(m => ids.Contains(m, StringComparer.OrdinalIgnoreCase));
        }
        else
        {
            foreach (var id in ids)
            {
                if (org.Users.Current(id) is not { } user || user.Str("state") == "deleted")
                {
                    throw ApiErrors.InvalidValue($"The user {id} does not exist.", id);
                }
            }

            members.AddRange(ids.Where(id => !members.Contains(id, StringComparer.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase));
        }

        var changed = (JObject)queue.DeepClone();
        changed["members"] = new JArray(members);
        QueueOperations.Touch(changed, write.Stamp);
        QueueOperations.Commit(org, changed, write);
    }

    /// <summary>
    /// GetUserQueues (<c>GET /api/v2/users/{userId}/queues</c>): the queues a user is a member of, as UserQueue
    /// objects, filtered by <c>joined</c> (default true, as the operation's parameter says). Members here are never
    /// joined (joining is the agent's), so only <c>joined=false</c> lists them. A scan of the org's queues: the
    /// pipeline asks this only before deleting a user.
    /// </summary>
    public static IEnumerable<JObject> QueuesOf(Org org, string userId, bool joined) =>
        joined
            ? []
            : org.Queues.Entities.Select(e => e.Current).OfType<JObject>()
                .Where(q => MemberIds(q).Contains(userId, StringComparer.OrdinalIgnoreCase))
                .OrderBy(q => q.Str("name"), StringComparer.OrdinalIgnoreCase)
                .Select(q => new JObject
                {
                    ["id"] = q.Str("id"),
                    ["name"] = q.Str("name"),
                    ["division"] = new JObject { ["id"] = q.RefId("division") },
                    ["joined"] = false,
                    ["selfUri"] = $"/api/v2/routing/queues/{q.Str("id")}",
                });

    /// <summary>Takes a deleted user out of every queue it was a member of.</summary>
    public static void RemoveEverywhere(Org org, string userId, WriteContext write)
    {
        foreach (var queue in org.Queues.Entities.Select(e => e.Current).OfType<JObject>().Where(q => MemberIds(q).Contains(userId, StringComparer.OrdinalIgnoreCase)).ToList())
        {
            var changed = (JObject)queue.DeepClone();
            changed["members"] = new JArray(MemberIds(queue).Where(m => !string.Equals(m, userId, StringComparison.OrdinalIgnoreCase)));
            QueueOperations.Commit(org, changed, write);
        }
    }

    /// <summary>QueueMember in the contract: the user by reference, ring 1, not joined (joining is the agent's).</summary>
    private static JObject Render(JObject user) => new()
    {
        ["id"] = user.Str("id"),
        ["name"] = user.Str("name"),
        ["user"] = new JObject { ["id"] = user.Str("id"), ["name"] = user.Str("name"), ["email"] = user.Str("email"), ["selfUri"] = $"/api/v2/users/{user.Str("id")}" },
        ["ringNumber"] = 1,
        ["joined"] = false,
        ["memberBy"] = "user",
        ["selfUri"] = $"/api/v2/users/{user.Str("id")}",
    };
}
