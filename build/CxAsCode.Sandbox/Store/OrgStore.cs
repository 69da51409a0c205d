namespace CxAsCode.Sandbox.Store;

/// <summary>The one lock around the org. Clients send requests in parallel; every read and write runs
/// under the lock, and every write is saved before the lock is released, so the file always matches
/// what the last response said.</summary>
internal sealed class OrgStore
{
    private readonly Lock _gate = new();
    private readonly OrgFile? _file;
    private readonly SandboxClock _clock;
    private Org _org;

    public OrgStore(SandboxOptions options, SandboxClock clock)
    {
        _clock = clock;
        _file = options.DataDir is null ? null : new OrgFile(options.DataDir);
        if (_file is { Exists: true } && !options.Reset)
        {
            _org = _file.Load();
        }
        else
        {
            _org = SeedLoader.Load(options.Seed, clock.NowIso());
            _file?.Save(_org);
        }
    }

    public T Read<T>(Func<Org, T> read)
    {
        lock (_gate)
        {
            return read(_org);
        }
    }

    /// <summary>Runs a mutation and persists the result. Operations validate before they change anything,
    /// so a mutation that throws leaves the org as it was.</summary>
    public T Write<T>(Func<Org, T> write)
    {
        lock (_gate)
        {
            var result = write(_org);
            _file?.Save(_org);
            return result;
        }
    }

    public void Reset(string seed)
    {
        var fresh = SeedLoader.Load(seed, _clock.NowIso());
        lock (_gate)
        {
            fresh.Organization = _org.Organization; // the same org, reseeded
            _org = fresh;
            _file?.Save(_org);
        }
    }
}
