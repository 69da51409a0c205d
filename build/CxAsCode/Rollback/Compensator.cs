using CxAsCode.Deployment;
using CxAsCode.Extraction;
using CxAsCode.Http;
using CxAsCode.Resources;

namespace CxAsCode.Rollback;

/// <summary>
/// The guarded inverse of each write. The guard reads the object first: as our write left it (or part-way
/// back, by an earlier undo of ours) → undo what remains; already as it was before → nothing to do; anything
/// else → someone changed it, leave it for a person. The platform is eventually consistent, so no guard
/// concludes from one read: each reads again with bounded backoff (<see cref="ConsistencyWindow"/>) until
/// the answer can be believed, and reports unknown when it cannot within the window. A 404 right after our
/// own create is lag, not "gone"; a deleted queue that is still listed is a lingering copy, not "recreated".
/// </summary>
internal sealed partial class Compensator
{
    private readonly PatientSender _sender;
    private readonly LiveReader _reader;
    private readonly FlowPublisher? _flows;
    private readonly UserWriter _users;

    public Compensator(PatientSender sender, LiveReader reader, FlowPublisher? flows = null)
    {
        _sender = sender;
        _reader = reader;
        _flows = flows;
        _users = new UserWriter(sender);
    }

    private ConsistencyWindow Window => _sender.Window;

    /// <param name="write">An applied write: the intent, with its outcome's object id and post-image.</param>
    /// <param name="since">When our last write to the object was made: the write, or an earlier attempt to undo it.</param>
    /// <param name="context">What this journal's rollbacks already did.</param>
    /// <param name="attempts">Counts the requests the undo sends.</param>
    /// <param name="cancellationToken">Stops the reading and waiting.</param>
    public async Task<(WriteStatus Status, string Detail)> CompensateAsync(JournalEntry write, DateTimeOffset since, RollbackContext context, AttemptCounter attempts, CancellationToken cancellationToken)
    {
        var kind = ResourceKinds.ByName(write.Kind);
        return write.Operation switch
        {
            // A restored user is deleted again, as a created object is.
            WriteOperation.Create or WriteOperation.Restore => await UndoCreateAsync(kind, write, since, attempts, cancellationToken),
            WriteOperation.Unlock => (WriteStatus.Compensated, $"left unlocked: a lock cannot be handed back; {(string?)write.PreImage?["holder"] ?? "its holder"} lost any unsaved changes in Architect"),
            WriteOperation.Delete when kind.IsFlow => await UndoFlowDeleteAsync(kind, write, since, cancellationToken),
            WriteOperation.Delete when kind.IsUser => await UndoUserDeleteAsync(kind, write, since, attempts, cancellationToken),
            WriteOperation.Update => await UndoUpdateAsync(kind, write, since, context, attempts, cancellationToken),
            WriteOperation.Delete => await UndoDeleteAsync(kind, write, since, context, attempts, cancellationToken),
            WriteOperation.MoveDivision => await UndoMoveAsync(kind, write, since, attempts, cancellationToken),
            _ => await UndoMembersAsync(kind, write, since, context, attempts, cancellationToken),
        };
    }

    private Task<Settlement<GuardRead>> SettleAsync(DateTimeOffset since, Func<CancellationToken, Task<Observation<GuardRead>>> read, CancellationToken cancellationToken) =>
        Window.SettleAsync(since, read, GuardRead.Unclear, cancellationToken);

    private Task<Newtonsoft.Json.Linq.JToken?> SendAsync(ResourceKind kind, JournalEntry write, HttpMethod method, string path, Newtonsoft.Json.Linq.JToken? body, DateTimeOffset? ownerCreatedAt, AttemptCounter attempts, CancellationToken cancellationToken) =>
        _sender.SendAsync(kind, write.Key, method, path, body, ownerCreatedAt, attempts, cancellationToken);

    private static (WriteStatus, string) Changed(ResourceKind kind, JournalEntry write, string advice) =>
        (WriteStatus.ChangedSince, $"{kind} '{write.Key}' changed after our write; not touched: {advice}.");

    private (WriteStatus, string) Unknown(ResourceKind kind, JournalEntry write, Settlement<GuardRead> settled) =>
        (WriteStatus.Unknown, $"{kind} '{write.Key}': no read could be trusted within the {Window.Describe()} consistency window ({settled.Unknown}); not touched: check it by hand against the journal");

    private static Observation<GuardRead> Settled(Verdict verdict, string detail, Newtonsoft.Json.Linq.JObject? current = null) => Observation<GuardRead>.Settled(new GuardRead(verdict, detail, current), detail);

    private static Observation<GuardRead> Tentative(Verdict verdict, string detail) => Observation<GuardRead>.Tentative(new GuardRead(verdict, detail), detail);

    private static Observation<GuardRead> Stable(Verdict verdict, string detail, string key) => Observation<GuardRead>.Stable(new GuardRead(verdict, detail), detail, key);

    private static Observation<GuardRead> Unclear(string detail) => Observation<GuardRead>.Unclear(GuardRead.Unclear, detail);
}
