using CxAsCode.Sandbox.Permissions;
using CxAsCode.Sandbox.Realism;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Store;

/// <summary>The one lock around the org. Clients send requests in parallel; every read and write runs
/// under the lock, first bringing the read views up to the sandbox clock, and every write is journaled
/// before the lock is released, so the files always match what the last response said.</summary>
internal sealed class OrgStore
{
    private readonly Lock _gate = new();
    private readonly OrgFile? _file;
    private readonly SandboxClock _clock;
    private readonly RealismSettings _realism;
    private readonly Newtonsoft.Json.Linq.JObject? _seedData;
    private Org _org;

    public OrgStore(SandboxOptions options, SandboxClock clock, RealismSettings realism)
    {
        _clock = clock;
        _realism = realism;
        _seedData = options.SeedData;
        _file = options.DataDir is null ? null : new OrgFile(options.DataDir);
        if (_file is { Exists: true } && !options.Reset)
        {
            _org = _file.Load(clock.UtcNow);
        }
        else
        {
            _org = SeedLoader.Load(options.Seed, _seedData, clock.UtcNow, realism.Current);
            _file?.Save(_org, clock.UtcNow);
        }

        _org.MarkSaved();
    }

    public T Read<T>(Func<Org, T> read)
    {
        lock (_gate)
        {
            _org.Advance(_clock.UtcNow);
            return read(_org);
        }
    }

    /// <summary>Runs a mutation by <paramref name="actorId"/> and journals the objects it changed.
    /// Operations validate before they change anything, so a mutation that throws leaves the org as it was.</summary>
    public T Write<T>(string actorId, Access access, Func<Org, WriteContext, T> write)
    {
        var realism = _realism.Current;
        lock (_gate)
        {
            _org.Advance(_clock.UtcNow);
            var context = new WriteContext(new Stamp(actorId, SandboxClock.Format(_org.Now)), _org.Now, realism, access);
            try
            {
                return write(_org, context);
            }
            finally
            {
                Persist();
            }
        }
    }

    public void Reset(string seed)
    {
        var fresh = SeedLoader.Load(seed, seed == SeedNames.Default ? _seedData : null, _clock.UtcNow, _realism.Current);
        lock (_gate)
        {
            fresh.Organization = _org.Organization; // the same org, reseeded
            _org = fresh;
            _file?.Save(_org, _clock.UtcNow);
            _org.MarkSaved();
        }
    }

    private void Persist()
    {
        var lines = new List<JObject>();
        foreach (var table in _org.Tables)
        {
            lines.AddRange(table.TakeDirty().Select(dirty => OrgJson.JournalLine(table, dirty.Id, dirty.Entity, _org.Now)));
        }

        if (_org.ConversationsChanged)
        {
            lines.Add(OrgJson.JournalLine(_org));
            _org.ConversationsChanged = false;
        }

        _file?.Append(_org, lines, _org.Now);
    }
}
