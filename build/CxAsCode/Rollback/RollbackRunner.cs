using CxAsCode.Deployment;
using CxAsCode.Extraction;
using CxAsCode.Http;
using CxAsCode.Resources;

namespace CxAsCode.Rollback;

/// <summary>
/// Undoes the writes a journal records as applied, newest first. Each compensation is guarded: it runs only
/// while the object is exactly as our write left it (or already back as it was), so we never undo someone
/// else's later edit. A failed compensation does not stop the others, and a later run resumes with only
/// what remains.
/// </summary>
internal sealed class RollbackRunner
{
    private readonly Journal _journal;
    private readonly Reconciler _reconciler;
    private readonly Compensator _compensator;
    private readonly SecretMasker _masker;
    private readonly Action<string> _progress;

    public RollbackRunner(Journal journal, Reconciler reconciler, Compensator compensator, SecretMasker masker, Action<string> progress)
    {
        _journal = journal;
        _reconciler = reconciler;
        _compensator = compensator;
        _masker = masker;
        _progress = progress;
    }

    public async Task<RollbackResult> RollbackAsync(CancellationToken cancellationToken)
    {
        var results = new List<Compensation>();
        foreach (var write in await AppliedWritesAsync(cancellationToken))
        {
            Compensation result;
            try
            {
                var (status, detail) = await _compensator.CompensateAsync(write, cancellationToken);
                result = new Compensation(write.Seq, write.Kind, write.Key, write.Operation, status, detail);
            }
            catch (Exception e) when (e is ApiException or HttpRequestException or ResponseLostException or InvalidOperationException or RateLimitBudgetExceededException)
            {
                result = new Compensation(write.Seq, write.Kind, write.Key, write.Operation, WriteStatus.CompensationFailed, _masker.Apply(e.Message));
            }

            _journal.Append(write with { Phase = JournalPhase.Compensation, Body = null, PreImage = null, PostImage = null, Status = result.Status, Error = result.Detail });
            _progress($"Rollback: #{write.Seq} {Verb(write.Operation)} {write.Kind} '{write.Key}': {Describe(result.Status)}{(result.Status == WriteStatus.Compensated ? string.Empty : " — " + result.Detail)}");
            results.Add(result);
        }

        return new RollbackResult(results);
    }

    /// <summary>
    /// Applied writes not yet compensated, newest first. Intents with no outcome (the process died) or an
    /// unknown one are settled by reading first.
    /// </summary>
    private async Task<List<JournalEntry>> AppliedWritesAsync(CancellationToken cancellationToken)
    {
        var entries = _journal.Entries;
        var done = entries.Where(e => e.Phase == JournalPhase.Compensation && e.Status is WriteStatus.Compensated or WriteStatus.ChangedSince)
            .Select(e => e.Seq).ToHashSet();
        var writes = new List<JournalEntry>();
        foreach (var intent in entries.Where(e => e.Phase == JournalPhase.Intent && !done.Contains(e.Seq)).OrderByDescending(e => e.Seq))
        {
            var outcome = entries.LastOrDefault(e => e.Seq == intent.Seq && e.Phase == JournalPhase.Outcome);
            if (outcome is null || outcome.Status == WriteStatus.Unknown)
            {
                _progress($"Rollback: #{intent.Seq} {intent.Method} {intent.Kind} '{intent.Key}' has no known outcome; reading to find out.");
                outcome = await _reconciler.ReconcileAsync(intent, cancellationToken);
                _journal.Append(outcome);
            }

            if (outcome.Status == WriteStatus.Applied)
            {
                writes.Add(intent with { ObjectId = outcome.ObjectId ?? intent.ObjectId, PostImage = outcome.PostImage, PostFingerprint = outcome.PostFingerprint });
            }
        }

        return writes;
    }

    private static string Verb(WriteOperation operation) => operation switch
    {
        WriteOperation.Create => "undo create of",
        WriteOperation.Update => "restore",
        WriteOperation.Delete => "recreate",
        WriteOperation.AddMembers => "remove members added to",
        _ => "re-add members removed from",
    };

    private static string Describe(WriteStatus status) => status switch
    {
        WriteStatus.Compensated => "done",
        WriteStatus.ChangedSince => "REFUSED, changed by someone after our write",
        _ => "FAILED",
    };
}
