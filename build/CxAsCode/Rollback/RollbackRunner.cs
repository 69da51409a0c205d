using CxAsCode.Deployment;
using CxAsCode.Http;

namespace CxAsCode.Rollback;

/// <summary>
/// Undoes the writes a journal records as applied, newest first. Each compensation is guarded: it runs only
/// while the object is as our write left it (or already back as it was), so we never undo someone else's
/// later edit. A write whose outcome stays unknown is listed for a person, never assumed either way. A
/// failed compensation does not stop the others, and a later run resumes with only what remains.
/// </summary>
internal sealed class RollbackRunner
{
    private readonly Journal _journal;
    private readonly Reconciler _reconciler;
    private readonly Compensator _compensator;
    private readonly SecretMasker _masker;
    private readonly TimeProvider _time;
    private readonly Action<string> _progress;

    public RollbackRunner(Journal journal, Reconciler reconciler, Compensator compensator, SecretMasker masker, TimeProvider time, Action<string> progress)
    {
        _journal = journal;
        _reconciler = reconciler;
        _compensator = compensator;
        _masker = masker;
        _time = time;
        _progress = progress;
    }

    public async Task<RollbackResult> RollbackAsync(CancellationToken cancellationToken)
    {
        var results = new List<Compensation>();
        var context = RollbackContext.From(_journal.Entries);
        foreach (var (write, outcome) in await PendingWritesAsync(cancellationToken))
        {
            var attempts = new AttemptCounter();
            var (status, detail) = outcome.Status == WriteStatus.Unknown
                ? (WriteStatus.Unknown, $"no response, and {outcome.Error}; not touched: check {write.Kind} '{write.Key}' by hand against the journal's pre-image")
                : await CompensateAsync(write, context, attempts, cancellationToken);
            if (write.Operation == WriteOperation.Create && status == WriteStatus.Compensated && write.ObjectId is not null)
            {
                context.Deleted(write.ObjectId);
            }

            var result = new Compensation(write.Seq, write.Kind, write.Key, write.Operation, status, detail);
            _journal.Append(write with { Phase = JournalPhase.Compensation, Body = null, PreImage = null, PostImage = null, Status = status, Error = detail, Timestamp = JournalTimes.Format(_time.GetUtcNow()) });
            var tries = attempts.Count > 1 ? $" ({attempts.Count} requests)" : string.Empty;
            _progress($"Rollback: #{write.Seq} {Verb(write.Operation)} {write.Kind} '{write.Key}': {Describe(status)}{tries}{(status == WriteStatus.Compensated ? ", " + detail : " — " + detail)}");
            results.Add(result);
        }

        return new RollbackResult(results);
    }

    private async Task<(WriteStatus, string)> CompensateAsync(JournalEntry write, RollbackContext context, AttemptCounter attempts, CancellationToken cancellationToken)
    {
        // The window runs from our last write to the object: the write itself, a later write of ours to the same
        // object, or an undo of either.
        var ours = _journal.Entries.Where(e => e.Phase != JournalPhase.Intent && (e.Seq == write.Seq || (write.ObjectId is not null && e.ObjectId == write.ObjectId && e.Seq > write.Seq)));
        var since = JournalTimes.Latest(ours.Select(e => e.Timestamp).Append(write.Timestamp), _time.GetUtcNow());
        try
        {
            return await _compensator.CompensateAsync(write, since, context, attempts, cancellationToken);
        }
        catch (Exception e) when (e is ApiException or HttpRequestException or ResponseLostException or InvalidOperationException or RateLimitBudgetExceededException or NameTakenException)
        {
            return (WriteStatus.CompensationFailed, _masker.Apply(e.Message));
        }
    }

    /// <summary>
    /// Writes not yet compensated that applied or may have, newest first, each with its outcome. Intents with
    /// no outcome (the process died) or an unknown one are settled by reading first; those still unknown
    /// come back as unknown.
    /// </summary>
    private async Task<List<(JournalEntry Write, JournalEntry Outcome)>> PendingWritesAsync(CancellationToken cancellationToken)
    {
        var entries = _journal.Entries;
        var done = entries.Where(e => e.Phase == JournalPhase.Compensation && e.Status is WriteStatus.Compensated or WriteStatus.ChangedSince)
            .Select(e => e.Seq).ToHashSet();
        var writes = new List<(JournalEntry, JournalEntry)>();
        foreach (var intent in entries.Where(e => e.Phase == JournalPhase.Intent && !done.Contains(e.Seq)).OrderByDescending(e => e.Seq))
        {
            var outcome = entries.LastOrDefault(e => e.Seq == intent.Seq && e.Phase == JournalPhase.Outcome);
            if (outcome is null || outcome.Status == WriteStatus.Unknown)
            {
                _progress($"Rollback: #{intent.Seq} {intent.Method} {intent.Kind} '{intent.Key}' has no known outcome; reading to find out.");
                outcome = await _reconciler.ReconcileAsync(intent, cancellationToken);
                _journal.Append(outcome);
            }

            if (outcome.Status is WriteStatus.Applied or WriteStatus.Unknown)
            {
                writes.Add((intent with { ObjectId = outcome.ObjectId ?? intent.ObjectId, PostImage = outcome.PostImage, PostFingerprint = outcome.PostFingerprint, Timestamp = outcome.Timestamp ?? intent.Timestamp }, outcome));
            }
        }

        return writes;
    }

    private static string Verb(WriteOperation operation) => operation switch
    {
        WriteOperation.Create => "undo create of",
        WriteOperation.Update => "restore",
        WriteOperation.Restore => "delete again",
        WriteOperation.Delete => "recreate",
        WriteOperation.AddMembers => "remove members added to",
        WriteOperation.MoveDivision => "move back to its division",
        WriteOperation.Unlock => "(cannot re-lock)",
        _ => "re-add members removed from",
    };

    private static string Describe(WriteStatus status) => status switch
    {
        WriteStatus.Compensated => "done",
        WriteStatus.ChangedSince => "REFUSED, changed by someone after our write",
        WriteStatus.Unknown => "UNKNOWN, left for a person",
        _ => "FAILED",
    };
}
