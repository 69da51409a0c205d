using CxAsCode.Planning;
using CxAsCode.Resources;

namespace CxAsCode.Deployment;

/// <summary>
/// Applies a plan: creates and updates by dependency rank (lower first), deletes in reverse rank order
/// after them, objects inside a rank in parallel, each rank behind a batched precondition check. The first
/// failure stops new writes; the result says <see cref="DeployStatus.Failed"/> and the journal holds what
/// applied, for <c>RollbackRunner</c> (the build's OnError hook runs it).
/// </summary>
internal sealed class Deployer
{
    private readonly WriteExecutor _writer;
    private readonly Preconditions _preconditions;
    private readonly DeployOptions _options;
    private readonly Action<string> _progress;

    public Deployer(WriteExecutor writer, Preconditions preconditions, DeployOptions options, Action<string> progress)
    {
        _writer = writer;
        _preconditions = preconditions;
        _options = options;
        _progress = progress;
    }

    public async Task<DeployResult> DeployAsync(Plan plan, LiveSnapshot live, string journalPath, CancellationToken cancellationToken)
    {
        var writes = plan.Writes.ToList();
        if (writes.Count == 0)
        {
            return new DeployResult(DeployStatus.NoChanges) { JournalPath = journalPath };
        }

        var applied = 0;
        var ids = new IdRegistry(live);
        try
        {
            if (_options.VerifyAllFirst)
            {
                await _preconditions.CheckAsync(writes, cancellationToken);
            }

            foreach (var stage in Stages(writes))
            {
                applied += await RunStageAsync(stage, ids, cancellationToken);
            }

            return new DeployResult(DeployStatus.Succeeded) { Applied = applied, Planned = writes.Count, JournalPath = journalPath };
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (e is StageFailedException stageFailed)
            {
                applied += stageFailed.Applied;
                e = stageFailed.InnerException!;
            }

            var reason = Unwrap(e).Message;
            _progress($"Deploy failed after {applied} applied write(s): {reason}");
            return new DeployResult(DeployStatus.Failed) { Applied = applied, Planned = writes.Count, Failure = reason, JournalPath = journalPath };
        }
    }

    /// <summary>
    /// One dependency rank: a batched precondition check, then its objects in parallel. The first failure
    /// stops new writes; writes already in flight finish and are journaled. Returns the writes applied.
    /// </summary>
    private async Task<int> RunStageAsync(IReadOnlyList<PlanEntry> stage, IdRegistry ids, CancellationToken cancellationToken)
    {
        var fresh = await _preconditions.CheckAsync(stage, cancellationToken);
        using var stop = new CancellationTokenSource();
        Exception? firstFailure = null;
        var applied = 0;
        await Parallel.ForEachAsync(stage, new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism }, async (entry, _) =>
        {
            var writer = new EntryWriter(_writer, ids, entry, fresh.GetValueOrDefault(entry), stop.Token);
            try
            {
                await writer.ApplyAsync(cancellationToken);
                _progress($"Deploy: {entry.Action.ToString().ToLowerInvariant(),-7} {entry.Kind} '{entry.Key}'");
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Not started: another object's write failed.
            }
            catch (Exception e)
            {
                var failure = e is PreconditionFailedException ? e : new InvalidOperationException($"{entry.Action.ToString().ToLowerInvariant()} {entry.Kind} '{entry.Key}': {e.Message}", e);
                Interlocked.CompareExchange(ref firstFailure, failure, null);
                await stop.CancelAsync();
            }
            finally
            {
                Interlocked.Add(ref applied, writer.Applied);
            }
        });

        if (firstFailure is not null)
        {
            throw new StageFailedException(applied, firstFailure);
        }

        return applied;
    }

    /// <summary>Creates/updates by ascending rank, then deletes by descending rank.</summary>
    private static IEnumerable<IReadOnlyList<PlanEntry>> Stages(List<PlanEntry> writes)
    {
        static int Rank(PlanEntry e) => ResourceKinds.ByName(e.Kind).Rank;
        foreach (var rank in writes.Where(e => e.Action != ChangeAction.Delete).GroupBy(Rank).OrderBy(g => g.Key))
        {
            yield return [.. rank];
        }

        foreach (var rank in writes.Where(e => e.Action == ChangeAction.Delete).GroupBy(Rank).OrderByDescending(g => g.Key))
        {
            yield return [.. rank];
        }
    }

    /// <summary>Carries a failed stage's cause and how many of its writes applied before it.</summary>
    private sealed class StageFailedException(int applied, Exception cause) : Exception(cause.Message, cause)
    {
        public int Applied { get; } = applied;
    }

    private static Exception Unwrap(Exception e) => e is AggregateException { InnerExceptions.Count: > 0 } a ? Unwrap(a.InnerExceptions[0]) : e;
}
