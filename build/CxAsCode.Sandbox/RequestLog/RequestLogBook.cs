using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.RequestLog;

/// <summary>Every <c>/api/v2/*</c> and <c>/oauth/token</c> request, oldest first. Capped so a sandbox left
/// running for days does not grow without bound; <c>seq</c> keeps counting across the cap and clears.</summary>
internal sealed class RequestLogBook
{
    public const int Capacity = 100_000;

    private readonly Lock _gate = new();
    private readonly LinkedList<RequestLogEntry> _entries = new();
    private long _nextSeq;

    public long NextSeq()
    {
        lock (_gate)
        {
            return ++_nextSeq;
        }
    }

    public void Add(RequestLogEntry entry)
    {
        lock (_gate)
        {
            // Entries are added when requests finish, so keep them ordered by seq (arrival order).
            var after = _entries.Last;
            while (after is not null && after.Value.Seq > entry.Seq)
            {
                after = after.Previous;
            }

            if (after is null)
            {
                _entries.AddFirst(entry);
            }
            else
            {
                _entries.AddAfter(after, entry);
            }

            if (_entries.Count > Capacity)
            {
                _entries.RemoveFirst();
            }
        }
    }

    public JArray ToJson()
    {
        lock (_gate)
        {
            return new JArray(_entries.Select(e => e.ToJson()));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }
}
