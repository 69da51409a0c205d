using System.Collections.Concurrent;
using CxAsCode.Planning;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Deployment;

/// <summary>
/// Applies a plan: one batched precondition check of every planned object before the first write, then
/// creates and updates in the order their references demand and deletes in the reverse order after them,
/// objects inside a layer in parallel, each write behind a read of its own object made just before it. The
/// first failure stops new writes; the result says <see cref="DeployStatus.Failed"/> and the journal holds
/// what applied, for <c>RollbackRunner</c> (the build's OnError hook runs it).
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

        var ids = new IdRegistry(live);
        var sent = new ConcurrentDictionary<PlanEntry, int>();
        try
        {
            // A plan that is already stale is refused here, with nothing sent.
            var verified = await _preconditions.CheckAsync(writes, cancellationToken);
            foreach (var stage in Stages(writes, live))
            {
                await RunStageAsync(stage, verified, ids, live, sent, cancellationToken);
            }

            return Result(DeployStatus.Succeeded, writes, sent, journalPath, null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var reason = Unwrap(e).Message;
            _progress($"Deploy failed after {_writer.Tally.Applied} applied write(s): {reason}");
            return Result(DeployStatus.Failed, writes, sent, journalPath, reason);
        }
    }

    private DeployResult Result(DeployStatus status, List<PlanEntry> writes, ConcurrentDictionary<PlanEntry, int> sent, string journalPath, string? failure) => new(status)
    {
        Applied = _writer.Tally.Applied,
        Planned = writes.Count,
        Sent = _writer.Tally.Sent,
        Summary = DeploySummary.Describe(writes, sent, _writer.Tally),
        Failure = failure,
        JournalPath = journalPath,
    };

    /// <summary>
    /// One layer of the dependency order, its objects in parallel. The first failure stops new writes; writes already in
    /// flight finish and are journaled.
    /// </summary>
    private async Task RunStageAsync(IReadOnlyList<PlanEntry> stage, IReadOnlyDictionary<PlanEntry, JObject> verified, IdRegistry ids, LiveSnapshot live, ConcurrentDictionary<PlanEntry, int> sent, CancellationToken cancellationToken)
    {
        using var stop = new CancellationTokenSource();
        Exception? firstFailure = null;
        await Parallel.ForEachAsync(stage, new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism }, async (entry, _) =>
        {
            var content = entry.LiveId is { } id ? (string?)live.ById(ResourceKinds.ByName(entry.Kind), id)?.Raw?[FlowFields.Content] : null;
            var writer = new EntryWriter(_writer, _preconditions, ids, entry, verified.GetValueOrDefault(entry), stop.Token, content);
            try
            {
                await writer.ApplyAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Not started, or stopped between its writes: another object's write failed.
            }
            catch (Exception e)
            {
                var failure = e is PreconditionFailedException ? e : new InvalidOperationException(WriteRefusals.Describe(entry, e), e);
                Interlocked.CompareExchange(ref firstFailure, failure, null);
                await stop.CancelAsync();
            }
            finally
            {
                if (writer.Sent > 0)
                {
                    sent[entry] = writer.Sent;
                }
            }
        });

        if (firstFailure is not null)
        {
            throw firstFailure;
        }
    }

    /// <summary>
    /// Creates and updates in the order their references demand (<see cref="DependencyOrder"/>: a queue after the
    /// skills, wrap-up codes and in-queue flow it names, a flow after the queues it transfers to), then deletes
    /// in the reverse order, an object before what it named. Each layer's objects need nothing from one another.
    /// </summary>
    private static List<IReadOnlyList<PlanEntry>> Stages(List<PlanEntry> writes, LiveSnapshot live)
    {
        static (string, string) Identity(PlanEntry e) => (e.Kind, e.Key);
        var upserts = writes.Where(e => e.Action != ChangeAction.Delete).ToList();
        var deletes = writes.Where(e => e.Action == ChangeAction.Delete).ToList();
        var stages = DependencyOrder.Layers(upserts, Identity, e => e.Desired is { } body ? Dependencies.Of(ResourceKinds.ByName(e.Kind), body) : []).ToList();
        // Deletes: an object before every planned delete of a kind its descriptor can name, and before what it names.
        stages.AddRange(DependencyOrder.Layers(deletes, Identity, e =>
        {
            var kind = ResourceKinds.ByName(e.Kind);
            var named = Dependencies.DeletedAfter(kind);
            var found = e.LiveId is { } id && live.ById(kind, id) is { } current ? Dependencies.Of(kind, current.Body) : [];
            return deletes.Where(d => named.Contains(d.Kind)).Select(Identity).Concat(found);
        }).Reverse());
        return stages;
    }

    private static Exception Unwrap(Exception e) => e is AggregateException { InnerExceptions.Count: > 0 } a ? Unwrap(a.InnerExceptions[0]) : e;
}
