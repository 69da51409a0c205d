using System.Collections.Concurrent;
using CxAsCode.Deployment;

namespace CxAsCode.Rollback;

/// <summary>
/// What rollbacks of one journal have already done that later guards must know: the objects they deleted
/// (undoing our creates), and what each of our writes left an object as. A member list of an object our own
/// rollback deleted is gone with it: done. A read showing what a later write of ours left (already undone,
/// newest first) is a replica that has not seen that undo yet: not someone else's change.
/// </summary>
internal sealed class RollbackContext
{
    private readonly ConcurrentDictionary<string, bool> _deleted = new(StringComparer.Ordinal);
    private readonly List<JournalEntry> _applied = [];
    private readonly ConcurrentDictionary<string, string> _recreatedAs = new(StringComparer.Ordinal);

    public static RollbackContext From(IEnumerable<JournalEntry> entries)
    {
        var context = new RollbackContext();
        context._applied.AddRange(entries.Where(e => e is { Phase: JournalPhase.Outcome, Status: WriteStatus.Applied, ObjectId: not null, PostFingerprint: not null }));
        foreach (var undone in entries.Where(e => e is { Phase: JournalPhase.Compensation, Operation: WriteOperation.Create, Status: WriteStatus.Compensated, ObjectId: not null }))
        {
            context.Deleted(undone.ObjectId!);
        }

        return context;
    }

    /// <summary>Whether <paramref name="fingerprint"/> is what a write of ours made after <paramref name="write"/> left the same object as.</summary>
    public bool IsLaterOwnWrite(JournalEntry write, string fingerprint) =>
        _applied.Any(e => e.Seq > write.Seq && e.ObjectId == write.ObjectId && e.Kind == write.Kind && e.PostFingerprint == fingerprint);

    public void Deleted(string objectId) => _deleted[objectId] = true;

    /// <summary>
    /// An object our delete removed was created again by this rollback under a new id (skills, wrap-up codes and
    /// queues cannot keep theirs): lists recreated later (a queue's wrap-up codes) must name the new one.
    /// </summary>
    public void Recreated(string oldId, string newId) => _recreatedAs[oldId] = newId;

    /// <summary>The id an object has now: its new one when this rollback recreated it, else the same.</summary>
    public string CurrentId(string id) => _recreatedAs.GetValueOrDefault(id, id);

    public bool WasDeleted(string? objectId) => objectId is not null && _deleted.ContainsKey(objectId);
}
