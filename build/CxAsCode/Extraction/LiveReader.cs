using CxAsCode.Http;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Extraction;

/// <summary>
/// Targeted reads for preconditions, reconciliation and rollback guards: many objects per call through the
/// list endpoints' <c>id</c> filter, a name lookup through the <c>name</c> filter, one object by id.
/// </summary>
internal sealed class LiveReader
{
    /// <summary>Ids per batched read: keeps the query string far below URL limits.</summary>
    private const int IdsPerRead = 50;
    private readonly GenesysClient _client;

    public LiveReader(GenesysClient client) => _client = client;

    /// <summary>The live objects with these ids, keyed by id; missing ones are absent. ⌈n/50⌉ requests.</summary>
    public async Task<IReadOnlyDictionary<string, JObject>> ReadManyAsync(ResourceKind kind, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, JObject>(StringComparer.Ordinal);
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(IdsPerRead))
        {
            var query = string.Join('&', chunk.Select(id => "id=" + Uri.EscapeDataString(id)).Prepend(kind.ListQuery).OfType<string>());
            foreach (var raw in await _client.GetAllAsync(kind.ApiPath, Math.Min(kind.PageSize, 100), query, cancellationToken))
            {
                if ((string?)raw["id"] is { } id && chunk.Contains(id, StringComparer.Ordinal))
                {
                    found[id] = raw;
                }
            }
        }

        return found;
    }

    /// <summary>One object by id, or null when it does not exist (or is soft-deleted).</summary>
    public async Task<JObject?> ReadAsync(ResourceKind kind, string id, CancellationToken cancellationToken) =>
        (await ReadStateAsync(kind, id, cancellationToken)) is { Exists: true } read ? read.Object : null;

    /// <summary>One object by id, telling a 404 apart from an object the API itself marks deleted.</summary>
    public async Task<LiveRead> ReadStateAsync(ResourceKind kind, string id, CancellationToken cancellationToken)
    {
        try
        {
            var raw = await _client.GetAsync(kind.ReadPath(id), cancellationToken) as JObject;
            return raw is null ? LiveRead.NotFound : new LiveRead(raw, (string?)raw["state"] == "deleted");
        }
        catch (NotFoundException)
        {
            return LiveRead.NotFound;
        }
    }

    /// <summary>
    /// A deleted object of a restorable kind (a user: <c>GET users/{id}?state=deleted</c>, genesys-api.md §6), or null
    /// when it is not deleted (or not there at all).
    /// </summary>
    public async Task<JObject?> ReadDeletedAsync(ResourceKind kind, string id, CancellationToken cancellationToken)
    {
        try
        {
            var path = kind.ReadPath(id);
            return await _client.GetAsync(path + (path.Contains('?', StringComparison.Ordinal) ? '&' : '?') + "state=deleted", cancellationToken) is JObject raw && (string?)raw["state"] == "deleted" ? raw : null;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    /// <summary>The live object with this exact name (case-insensitive), or null.</summary>
    public async Task<JObject?> FindByNameAsync(ResourceKind kind, string name, CancellationToken cancellationToken)
    {
        var matches = await _client.GetAllAsync(kind.ApiPath, Math.Min(kind.PageSize, 100), "name=" + Uri.EscapeDataString(name), cancellationToken);
        return matches.FirstOrDefault(m => NameComparer.Instance.Equals((string?)m["name"], name) && (string?)m["state"] != "deleted");
    }

    /// <summary>The live object with this key: by name, and for a flow (<c>type/name</c>) of that type too.</summary>
    public async Task<JObject?> FindByKeyAsync(ResourceKind kind, string key, CancellationToken cancellationToken)
    {
        if (kind.IsUser)
        {
            // The users list has no email filter: the whole list, in pages of 500 (only after a lost response).
            var users = await _client.GetAllAsync(kind.ApiPath, kind.PageSize, kind.ListQuery, cancellationToken);
            return users.FirstOrDefault(u => NameComparer.Instance.Equals(kind.KeyOf(u), key) && kind.IsPresent(u));
        }

        if (!kind.IsFlow || key.IndexOf('/', StringComparison.Ordinal) is not (var slash and >= 0))
        {
            return await FindByNameAsync(kind, key, cancellationToken);
        }

        var matches = await _client.GetAllAsync(kind.ApiPath, Math.Min(kind.PageSize, 100), "name=" + Uri.EscapeDataString(key[(slash + 1)..]), cancellationToken);
        return matches.FirstOrDefault(m => NameComparer.Instance.Equals(kind.KeyOf(m), key) && m.Value<bool?>("deleted") != true);
    }

    /// <summary>
    /// The queues a user is a member of (<c>GET users/{id}/queues</c>, GetUserQueues): asked with <c>joined=true</c> and
    /// <c>joined=false</c>, since the endpoint lists only joined ones by default. Sorted ids.
    /// </summary>
    public async Task<IReadOnlyList<string>> ReadUserQueueIdsAsync(string userId, CancellationToken cancellationToken)
    {
        var path = ResourceKinds.Users.ItemPath(userId) + "/queues";
        var joined = await _client.GetAllAsync(path, 100, "joined=true", cancellationToken);
        var notJoined = await _client.GetAllAsync(path, 100, "joined=false", cancellationToken);
        return [.. joined.Concat(notJoined).Select(q => (string?)q["id"]).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>The ids in an object's sub-resource list, sorted.</summary>
    public async Task<IReadOnlyList<string>> ReadMemberIdsAsync(ResourceKind kind, SubResource sub, string ownerId, CancellationToken cancellationToken)
    {
        var entries = await _client.GetAllAsync(kind.ItemPath(ownerId) + sub.PathSuffix, sub.PageSize, null, cancellationToken);
        return [.. entries.Select(e => (string?)e["id"]).OfType<string>().Order(StringComparer.Ordinal)];
    }

    /// <summary>The ids in an object's sub-resource list, sorted; null when the owner answers 404.</summary>
    public async Task<IReadOnlyList<string>?> ReadMemberIdsIfOwnerExistsAsync(ResourceKind kind, SubResource sub, string ownerId, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadMemberIdsAsync(kind, sub, ownerId, cancellationToken);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }
}
