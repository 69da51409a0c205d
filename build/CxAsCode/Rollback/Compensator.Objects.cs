using CxAsCode.Deployment;
using CxAsCode.Extraction;
using CxAsCode.Http;
using CxAsCode.Normalization;
using CxAsCode.Resources;

namespace CxAsCode.Rollback;

/// <summary>Undoing a create (delete what we made) and an update (put the pre-image back; a flow's content published again).</summary>
internal sealed partial class Compensator
{
    private async Task<(WriteStatus, string)> UndoCreateAsync(ResourceKind kind, JournalEntry write, DateTimeOffset since, AttemptCounter attempts, CancellationToken cancellationToken)
    {
        var settled = await SettleAsync(since, async token => SeeCreated(kind, write, await _reader.ReadStateAsync(kind, write.ObjectId!, token)), cancellationToken);
        switch (settled.Value.Verdict)
        {
            case Verdict.AlreadyUndone:
                return (WriteStatus.Compensated, settled.Value.Detail);
            case Verdict.Changed:
                return Changed(kind, write, "delete it by hand if it should not exist");
            case Verdict.Unclear:
                return Unknown(kind, write, settled);
        }

        try
        {
            // Created moments ago, a 404 on the delete may still be lag: the sender waits that out.
            await SendAsync(kind, write, HttpMethod.Delete, kind.ItemPath(write.ObjectId!), null, since, attempts, cancellationToken);
            return (WriteStatus.Compensated, "deleted");
        }
        catch (NotFoundException)
        {
            return (WriteStatus.Compensated, "already gone");
        }
    }

    private static Observation<GuardRead> SeeCreated(ResourceKind kind, JournalEntry write, LiveRead read)
    {
        if (read.MarkedDeleted)
        {
            return Settled(Verdict.AlreadyUndone, "already gone (deleted)");
        }

        if (read.Missing)
        {
            // Right after our create a 404 is lag; once the window has passed it means gone.
            return Tentative(Verdict.AlreadyUndone, $"already gone ({kind} '{write.Key}' answers 404)");
        }

        var now = Fingerprints.OfObject(kind, read.Object!);
        if (now == write.PostFingerprint)
        {
            return Settled(Verdict.Undo, "as our create left it");
        }

        return Freshness.IsNewer(read.Object!, write.PostImage)
            ? Settled(Verdict.Changed, "changed after our create")
            : Stable(Verdict.Changed, "changed after our create", now);
    }

    private async Task<(WriteStatus, string)> UndoUpdateAsync(ResourceKind kind, JournalEntry write, DateTimeOffset since, RollbackContext context, AttemptCounter attempts, CancellationToken cancellationToken)
    {
        if (kind.IsFlow && NoContent(kind, write) is { } missing)
        {
            return missing;
        }

        var settled = await SettleAsync(since, async token => SeeUpdated(kind, write, await _reader.ReadStateAsync(kind, write.ObjectId!, token), context), cancellationToken);
        switch (settled.Value.Verdict)
        {
            case Verdict.AlreadyUndone:
                return (WriteStatus.Compensated, "already as before");
            case Verdict.Changed:
                return Changed(kind, write, "compare it with the pre-image in the journal");
            case Verdict.Unclear:
                return Unknown(kind, write, settled);
        }

        if (kind.IsFlow)
        {
            return await RepublishAsync(write, cancellationToken);
        }

        if (kind.IsUser)
        {
            // Fields, skills and languages back as the pre-image had them, each through its own endpoint.
            await _users.ApplyAsync(kind, write.Key, write.ObjectId, UserBodies.Between(UserShape.Of(write.PreImage!), settled.Value.Current!), settled.Value.Current, attempts, cancellationToken);
            return (WriteStatus.Compensated, "pre-image restored (fields, skills, languages)");
        }

        // A versioned kind (schedules, schedule groups) takes the version the guard just read, as any PUT does.
        var body = RequestBodies.FromPreImage(kind, write.PreImage!);
        body = settled.Value.Current is { } current ? ServerVersions.Stamp(kind, body, current) : body;
        await SendAsync(kind, write, HttpMethod.Put, kind.ItemPath(write.ObjectId!), body, null, attempts, cancellationToken);
        return (WriteStatus.Compensated, "pre-image restored");
    }

    private static Observation<GuardRead> SeeUpdated(ResourceKind kind, JournalEntry write, LiveRead read, RollbackContext context)
    {
        if (!read.Exists)
        {
            return Stable(Verdict.Changed, $"{kind} '{write.Key}' is gone", "gone");
        }

        var current = read.Object!;
        var now = Fingerprints.OfObject(kind, current);
        if (now == write.PostFingerprint)
        {
            return Settled(Verdict.Undo, "as our write left it", current);
        }

        if (Freshness.IsOlder(current, write.PostImage))
        {
            // A replica that has not seen our write yet: what it shows says nothing about now.
            return Unclear($"{kind} '{write.Key}' reads older than our own write");
        }

        if (context.IsLaterOwnWrite(write, now))
        {
            // Two writes of ours to one object (member groups emptied, then the ring dropped): the later one
            // is undone first, and a replica may still show it.
            return Unclear($"{kind} '{write.Key}' still reads as a later write of ours left it");
        }

        var fresh = Freshness.IsNotOlder(current, write.PostImage);
        if (now == write.PreFingerprint)
        {
            // "As before" is also what a read lagging behind our write shows: believe it only with a marker
            // newer than our write, or once the window has passed.
            return fresh ? Settled(Verdict.AlreadyUndone, "already as before") : Tentative(Verdict.AlreadyUndone, "already as before");
        }

        return fresh ? Settled(Verdict.Changed, "changed after our write") : Stable(Verdict.Changed, "changed after our write", now);
    }
}
