using System.Collections.Concurrent;

namespace CxAsCode.Deployment;

/// <summary>Counts write results as they happen (writes of one rank run in parallel).</summary>
internal sealed class WriteTally
{
    private readonly ConcurrentDictionary<WriteResult, int> _counts = new();

    public void Add(WriteResult result) => _counts.AddOrUpdate(result, 1, (_, n) => n + 1);

    public int Of(WriteResult result) => _counts.GetValueOrDefault(result);

    /// <summary>Writes sent: every result counts once.</summary>
    public int Sent => _counts.Values.Sum();

    /// <summary>Writes that changed the org: applied, or settled as applied.</summary>
    public int Applied => Of(WriteResult.Applied) + Of(WriteResult.Settled);
}
