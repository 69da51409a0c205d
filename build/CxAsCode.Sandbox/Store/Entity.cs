using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Store;

/// <summary>One object and its recent versions, oldest first. The newest version is the truth that writes
/// check against; reads at time t pick the newest version their view already shows at t.</summary>
internal sealed class Entity(string id)
{
    private readonly List<Revision> _revisions = [];

    public string Id { get; } = id;

    public IReadOnlyList<Revision> Revisions => _revisions;

    public Revision Latest => _revisions[^1];

    /// <summary>The object as it really is now (null once deleted).</summary>
    public JObject? Current => Latest.Document;

    public void Add(Revision revision) => _revisions.Add(revision);

    /// <summary>What GET by id answers at <paramref name="now"/>: null is 404 (not visible yet, or gone).</summary>
    public JObject? ForGet(DateTimeOffset now)
    {
        for (var i = _revisions.Count - 1; i >= 0; i--)
        {
            if (_revisions[i].GetFrom <= now)
            {
                return _revisions[i].Document;
            }
        }

        return null;
    }

    /// <summary>What lists and name/id filters show at <paramref name="now"/>; null = not listed.</summary>
    public JObject? ForList(DateTimeOffset now)
    {
        for (var i = _revisions.Count - 1; i >= 0; i--)
        {
            if (_revisions[i].ListFrom <= now)
            {
                return _revisions[i].IsListedAt(now) ? _revisions[i].Document : null;
            }
        }

        return null;
    }

    /// <summary>Forgets versions no view can show any more; true when the newest one has settled.</summary>
    public bool Prune(DateTimeOffset now)
    {
        for (var i = _revisions.Count - 1; i >= 0; i--)
        {
            if (_revisions[i].GetFrom <= now && _revisions[i].ListFrom <= now)
            {
                _revisions.RemoveRange(0, i);
                break;
            }
        }

        return Latest.SettledAt <= now;
    }
}
