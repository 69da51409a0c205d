using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Planning;

/// <summary>
/// Queue memberships kept on the users (<c>"queues": ["Billing Support"]</c> in a user's file) instead of on the
/// queues. A user whose file has <c>queues</c> is a member of exactly those queues of state; a user without it, or
/// one state does not hold, keeps the memberships it has. The platform writes memberships on the queue
/// (<c>POST routing/queues/{id}/members</c>, 100 users a call), so before planning each queue of state gets the
/// member list that follows (<see cref="Fold"/>), and Sync turns live member lists back into the users' field
/// (<see cref="Unfold"/>). Pure: the live snapshot holds every queue's members when any user holds <c>queues</c>.
/// </summary>
internal static class UserMemberships
{
    public const string Field = "queues";
    private const string Members = "members";

    /// <summary>True when some user in state keeps its queue memberships itself.</summary>
    public static bool AnyHeldByUsers(IEnumerable<ResourceObject> desired) =>
        desired.Any(o => o.Kind.IsUser && o.Body[Field] is JArray);

    /// <summary>Desired canonical objects → the same, with users' <c>queues</c> moved onto the queues' <c>members</c>.</summary>
    public static IReadOnlyList<ResourceObject> Fold(IReadOnlyList<ResourceObject> desired, LiveSnapshot live)
    {
        var holders = desired.Where(o => o.Kind.IsUser && o.Body[Field] is JArray).ToList();
        if (holders.Count == 0)
        {
            return desired;
        }

        var holderKeys = holders.Select(h => h.Key).ToHashSet(NameComparer.Instance);
        return [.. desired.Select(o => o switch
        {
            _ when o.Kind.IsUser && o.Body[Field] is not null => o with { Body = Without(o.Body, Field) },
            _ when o.Kind == ResourceKinds.Queues && o.Body[Members] is null => WithMembers(o, live, holders, holderKeys),
            _ => o,
        })];
    }

    /// <summary>
    /// Live canonical objects → the shape a repository keeping memberships on users writes: each user whose state
    /// file has <c>queues</c> gets the queues of state whose live members include it; queues that do not list their
    /// own members in state lose the live list.
    /// </summary>
    public static IReadOnlyList<ResourceObject> Unfold(IEnumerable<ResourceObject> liveObjects, IReadOnlyList<ResourceObject> desired)
    {
        var holders = desired.Where(o => o.Kind.IsUser && o.Body[Field] is JArray).Select(o => o.Key).ToHashSet(NameComparer.Instance);
        var objects = liveObjects.ToList();
        if (holders.Count == 0)
        {
            return objects;
        }

        var stateQueues = desired.Where(o => o.Kind == ResourceKinds.Queues).ToDictionary(o => o.Key, NameComparer.Instance);
        var listsOwnMembers = stateQueues.Values.Where(q => q.Body[Members] is not null).Select(q => q.Key).ToHashSet(NameComparer.Instance);
        var memberOf = objects.Where(o => o.Kind == ResourceKinds.Queues && stateQueues.ContainsKey(o.Key) && !listsOwnMembers.Contains(o.Key))
            .SelectMany(q => Names(q.Body[Members]).Select(user => (User: user, Queue: q.Key)))
            .ToLookup(p => p.User, p => p.Queue, NameComparer.Instance);
        return [.. objects.Select(o => o switch
        {
            _ when o.Kind.IsUser && holders.Contains(o.Key) => o with { Body = With(o.Body, Field, new JArray(memberOf[o.Key].Order(StringComparer.Ordinal))) },
            _ when o.Kind == ResourceKinds.Queues && !listsOwnMembers.Contains(o.Key) && o.Body[Members] is not null => o with { Body = Without(o.Body, Members) },
            _ => o,
        })];
    }

    private static ResourceObject WithMembers(ResourceObject queue, LiveSnapshot live, List<ResourceObject> holders, HashSet<string> holderKeys)
    {
        var existing = live.ByKey(ResourceKinds.Queues, queue.Key);
        var current = Names(existing?.Body[Members]);
        var wanted = current.Where(member => !holderKeys.Contains(member))
            .Concat(holders.Where(h => Names(h.Body[Field]).Contains(queue.Key, NameComparer.Instance)).Select(h => h.Key))
            .Distinct(NameComparer.Instance)
            .Order(StringComparer.Ordinal)
            .ToList();
        // A live queue's list was read, so it is compared (and fingerprinted) as a whole, even when empty.
        return existing is null && wanted.Count == 0 ? queue : queue with { Body = With(queue.Body, Members, new JArray(wanted)) };
    }

    private static List<string> Names(JToken? list) => [.. (list as JArray ?? []).Select(t => (string?)t).OfType<string>()];

    private static JObject Without(JObject body, string field)
    {
        var copy = (JObject)body.DeepClone();
        copy.Remove(field);
        return copy;
    }

    private static JObject With(JObject body, string field, JToken value)
    {
        var copy = (JObject)body.DeepClone();
        copy[field] = value;
        return (JObject)Json.CanonicalJson.Canonicalize(copy);
    }
}
