using CxAsCode.Deployment;
using CxAsCode.Http;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Rollback;

/// <summary>Undoing a user's delete: the platform kept it (<c>state: deleted</c>), so it is restored with its id, not created again.</summary>
internal sealed partial class Compensator
{
    private async Task<(WriteStatus, string)> UndoUserDeleteAsync(ResourceKind kind, JournalEntry write, DateTimeOffset since, AttemptCounter attempts, CancellationToken cancellationToken)
    {
        var settled = await SettleAsync(since, async token => SeeUserDeleted(kind, write, await _reader.ReadDeletedAsync(kind, write.ObjectId!, token), await _reader.ReadAsync(kind, write.ObjectId!, token)), cancellationToken);
        switch (settled.Value.Verdict)
        {
            case Verdict.AlreadyUndone:
                return (WriteStatus.Compensated, settled.Value.Detail);
            case Verdict.Changed:
                return Changed(kind, write, "it was restored by someone else; compare it with the pre-image in the journal");
            case Verdict.Unclear:
                return Unknown(kind, write, settled);
        }

        var deleted = settled.Value.Current!;
        await _users.ApplyAsync(kind, write.Key, write.ObjectId, UserBodies.Between(UserShape.Of(write.PreImage!), deleted, restore: true), deleted, attempts, cancellationToken);
        var queues = Fingerprints.IdsOf(write.PreImage![UserQueues.Field] as JArray ?? []).ToList();
        var missing = new List<string>();
        foreach (var queue in queues)
        {
            try
            {
                // Restored moments ago: a 404 for the user may be lag, which the sender waits out.
                await SendAsync(ResourceKinds.Queues, write, HttpMethod.Post, ResourceKinds.Queues.ItemPath(queue) + "/members", new JArray(new JObject { ["id"] = write.ObjectId }), Window.Now, attempts, cancellationToken);
            }
            catch (ApiException e) when (e.Status is 400 or 404)
            {
                missing.Add($"{queue} ({e.Status})");
            }
        }

        var memberships = queues.Count == 0 ? string.Empty : $"; back in {queues.Count - missing.Count} of its {queues.Count} queue(s){(missing.Count == 0 ? string.Empty : ", not in " + string.Join(", ", missing) + ": add it by hand")}";
        return (missing.Count == 0 ? WriteStatus.Compensated : WriteStatus.CompensationFailed, $"restored with its id (fields, skills, languages as before){memberships}");
    }

    private static Observation<GuardRead> SeeUserDeleted(ResourceKind kind, JournalEntry write, JObject? deleted, JObject? active)
    {
        if (deleted is not null)
        {
            return Settled(Verdict.Undo, "deleted, as our write left it", deleted);
        }

        if (active is null)
        {
            return Unclear($"{kind} '{write.Key}' answers neither as deleted nor as active");
        }

        // Active again: as before our delete (an earlier undo of ours) or someone else's restore.
        return Fingerprints.OfObject(kind, active) == write.PreFingerprint
            ? Tentative(Verdict.AlreadyUndone, "already restored")
            : Stable(Verdict.Changed, "restored by someone else", Fingerprints.OfObject(kind, active));
    }
}
