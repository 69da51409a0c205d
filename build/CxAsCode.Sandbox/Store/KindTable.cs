using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Store;

/// <summary>All objects of one kind (skills, wrap-up codes or queues), indexed so that no request scans
/// them: by id, by name (the names writes must check), and in list order (see <c>KindTable.Listing.cs</c>).
/// Each object keeps its recent versions; a schedule says when some view of an object changes, and
/// <see cref="Advance"/> applies what is due before every request.</summary>
internal sealed partial class KindTable
{
    private readonly Dictionary<string, Entity> _entities = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, HashSet<string>> _namesTaken = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _nameHeldBy = new(StringComparer.OrdinalIgnoreCase);
    private readonly PriorityQueue<string, DateTimeOffset> _schedule = new();
    private readonly HashSet<string> _dirty = new(StringComparer.OrdinalIgnoreCase);
    private readonly Func<JObject, bool> _holdsName;

    /// <param name="kind">The kind's path segment, e.g. <c>queues</c>.</param>
    /// <param name="holdsName">Whether an object in this state keeps its name from being reused (a
    /// deleted skill does not; a queue or wrap-up code holds its name until it is really gone).</param>
    public KindTable(string kind, Func<JObject, bool>? holdsName = null)
    {
        Kind = kind;
        _holdsName = holdsName ?? (_ => true);
    }

    public string Kind { get; }

    public int Count => _entities.Count;

    public IEnumerable<Entity> Entities => _entities.Values;

    public Entity? Find(string? id) => id is not null && _entities.TryGetValue(id, out var entity) ? entity : null;

    /// <summary>The object as it really is now; null when unknown or deleted.</summary>
    public JObject? Current(string? id) => Find(id)?.Current;

    /// <summary>Whether another object (not <paramref name="exceptId"/>) holds <paramref name="name"/>.</summary>
    public bool NameTaken(string name, string? exceptId) =>
        _namesTaken.TryGetValue(name, out var ids) && ids.Any(id => !string.Equals(id, exceptId, StringComparison.OrdinalIgnoreCase));

    /// <summary>The objects holding <paramref name="name"/> (usually one).</summary>
    public IEnumerable<Entity> HoldingName(string name) =>
        _namesTaken.TryGetValue(name, out var ids) ? ids.Select(Find).OfType<Entity>() : [];

    /// <summary>Records a new version of object <paramref name="id"/> (creating it if new).</summary>
    public Entity Commit(string id, Revision revision, DateTimeOffset now)
    {
        if (!_entities.TryGetValue(id, out var entity))
        {
            entity = new Entity(id);
            _entities.Add(id, entity);
        }

        entity.Add(revision);
        _dirty.Add(entity.Id);
        Track(entity, revision, now);
        return entity;
    }

    /// <summary>Adds an object read from the org file, with the versions it had.</summary>
    public void Load(Entity entity, DateTimeOffset now)
    {
        _entities[entity.Id] = entity;
        // A copy: tracking a version may prune the older ones that are already settled.
        foreach (var revision in entity.Revisions.ToList())
        {
            Track(entity, revision, now);
        }
    }

    /// <summary>Applies every view change that is due at <paramref name="now"/>.</summary>
    public void Advance(DateTimeOffset now)
    {
        while (_schedule.TryPeek(out var id, out var due) && due <= now)
        {
            _schedule.Dequeue();
            if (_entities.TryGetValue(id, out var entity))
            {
                Refresh(entity, now);
            }
        }
    }

    /// <summary>The objects written since the last call, for the journal; a null entity is one that is
    /// already gone for good (a delete with no lag), which the journal must record as removed.</summary>
    public IReadOnlyList<(string Id, Entity? Entity)> TakeDirty()
    {
        var dirty = _dirty.Select(id => (id, Find(id))).ToList();
        _dirty.Clear();
        return dirty;
    }

    /// <summary>Drops an object a journal line says is gone.</summary>
    public void Forget(string id)
    {
        if (Find(id) is { } entity)
        {
            Purge(entity);
        }
    }

    private void Track(Entity entity, Revision revision, DateTimeOffset now)
    {
        HoldName(entity);
        foreach (var instant in revision.Milestones().Append(revision.SettledAt).Where(t => t > now).Distinct())
        {
            _schedule.Enqueue(entity.Id, instant);
        }

        Refresh(entity, now);
    }

    private void Refresh(Entity entity, DateTimeOffset now)
    {
        UpdateListing(entity, entity.ForList(now));
        if (entity.Prune(now) && entity.Current is null)
        {
            Purge(entity);
        }
    }

    private void Purge(Entity entity)
    {
        _entities.Remove(entity.Id);
        ReleaseName(entity.Id);
        UpdateListing(entity, null);
    }

    /// <summary>An object holds its current name while it exists; a deleted one keeps holding the name it
    /// had until it is purged (a deleted queue's name stays taken while the queue still answers).</summary>
    private void HoldName(Entity entity)
    {
        if (entity.Current is not { } current)
        {
            return;
        }

        var wanted = _holdsName(current) ? current.Str("name") : null;
        _nameHeldBy.TryGetValue(entity.Id, out var held);
        if (string.Equals(wanted, held, StringComparison.Ordinal))
        {
            return;
        }

        ReleaseName(entity.Id);
        if (wanted is not null)
        {
            if (!_namesTaken.TryGetValue(wanted, out var ids))
            {
                ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                _namesTaken.Add(wanted, ids);
            }

            ids.Add(entity.Id);
            _nameHeldBy[entity.Id] = wanted;
        }
    }

    private void ReleaseName(string id)
    {
        if (_nameHeldBy.Remove(id, out var name) && _namesTaken.TryGetValue(name, out var ids))
        {
            ids.Remove(id);
            if (ids.Count == 0)
            {
                _namesTaken.Remove(name);
            }
        }
    }
}
