using System.Collections.Concurrent;
using CxAsCode.Deployment;

namespace CxAsCode.Rollback;

/// <summary>
/// What rollbacks of one journal have already done that later guards must know: the objects they deleted
/// (undoing our creates). A member list of an object our own rollback deleted is gone with it: done.
/// </summary>
internal sealed class RollbackContext
{
    private readonly ConcurrentDictionary<string, bool> _deleted = new(StringComparer.Ordinal);

    public static RollbackContext From(IEnumerable<JournalEntry> entries)
    {
        var context = new RollbackContext();
        foreach (var undone in entries.Where(e => e is { Phase: JournalPhase.Compensation, Operation: WriteOperation.Create, Status: WriteStatus.Compensated, ObjectId: not null }))
        {
            context.Deleted(undone.ObjectId!);
        }

        return context;
    }

    public void Deleted(string objectId) => _deleted[objectId] = true;

    public bool WasDeleted(string? objectId) => objectId is not null && _deleted.ContainsKey(objectId);
}
