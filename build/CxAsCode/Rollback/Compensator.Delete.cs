using CxAsCode.Deployment;
using CxAsCode.Http;
using CxAsCode.Normalization;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Rollback;

/// <summary>Undoing a delete: create the object again from its pre-image, with its member lists.</summary>
internal sealed partial class Compensator
{
    private async Task<(WriteStatus, string)> UndoDeleteAsync(ResourceKind kind, JournalEntry write, DateTimeOffset since, RollbackContext context, AttemptCounter attempts, CancellationToken cancellationToken)
    {
        var settled = await SettleAsync(since, async token => SeeDeleted(kind, write, await _reader.FindByNameAsync(kind, write.Key, token)), cancellationToken);
        switch (settled.Value.Verdict)
        {
            case Verdict.AlreadyUndone:
                return await CompleteRecreatedAsync(kind, write, settled.Value.Current!, null, "already recreated", context, attempts, cancellationToken);
            case Verdict.Changed:
                return Changed(kind, write, "an object with this name exists again; check it by hand");
            case Verdict.Unclear:
                return Unknown(kind, write, settled);
        }

        var body = kind.WriteStrategy == WriteStrategy.CreateDelete
            ? new JObject(kind.ManagedFields.Where(f => write.PreImage![f] is not null).Select(f => new JProperty(f, write.PreImage![f]!.DeepClone())))
            : RequestBodies.FromPreImage(kind, write.PreImage!);
        JObject created;
        try
        {
            // A name still held by an object no read can see (a queue deleted moments ago) is waited out.
            created = await SendAsync(kind, write, HttpMethod.Post, kind.ApiPath, body, null, attempts, cancellationToken) as JObject
                ?? throw new InvalidOperationException($"Recreating {kind} '{write.Key}' returned no id.");
        }
        catch (NameTakenException taken) when (taken.Holder is { } holder)
        {
            if ((string?)holder["id"] == write.ObjectId)
            {
                // The object we deleted, listed again by a lagging replica: not a recreation. Try later.
                return (WriteStatus.CompensationFailed, $"the name is still held by the {kind} we deleted, which the platform still lists; resume with --target=Rollback in a minute");
            }

            return Fingerprints.OfObject(kind, holder) == write.PreFingerprint
                ? await CompleteRecreatedAsync(kind, write, holder, null, "already recreated", context, attempts, cancellationToken)
                : Changed(kind, write, "an object with this name exists again; check it by hand");
        }

        if ((string?)created["id"] is { } newId && write.ObjectId is { } oldId)
        {
            context.Recreated(oldId, newId);
        }

        return await CompleteRecreatedAsync(kind, write, created, Window.Now, Recreated(kind, (string?)created["id"]), context, attempts, cancellationToken);
    }

    /// <summary>"recreated (new id …)", and what the kind loses with its old id, so the report tells a person what to put back.</summary>
    private static string Recreated(ResourceKind kind, string? id) =>
        kind.LostOnRecreate is null ? $"recreated (new id {id})" : $"recreated with a new id {id}; {kind.LostOnRecreate}";

    private static Observation<GuardRead> SeeDeleted(ResourceKind kind, JournalEntry write, JObject? found)
    {
        if (found is null)
        {
            return Settled(Verdict.Undo, "not there");
        }

        if ((string?)found["id"] == write.ObjectId)
        {
            // The object we deleted, still listed: a deleted queue lingers for about a minute.
            return Unclear($"the {kind} we deleted is still listed");
        }

        var now = Fingerprints.OfObject(kind, found);
        return now == write.PreFingerprint
            ? Settled(Verdict.AlreadyUndone, "already recreated", found)
            : Stable(Verdict.Changed, "another object with this name exists", now);
    }

    /// <summary>
    /// Puts back the member lists the pre-image had, on an object recreated now or earlier (an undo that
    /// stopped part-way is finished here). A list holding something the pre-image did not is someone's.
    /// </summary>
    private async Task<(WriteStatus, string)> CompleteRecreatedAsync(ResourceKind kind, JournalEntry write, JObject recreated, DateTimeOffset? createdAt, string detail, RollbackContext context, AttemptCounter attempts, CancellationToken cancellationToken)
    {
        var id = (string)recreated["id"]!;
        var completed = new List<string>();
        foreach (var sub in kind.SubResources.Where(s => write.PreImage![s.Field] is JArray { Count: > 0 }))
        {
            // A member this rollback recreated (a pruned wrap-up code) is put back under its new id.
            var wanted = Fingerprints.IdsOf((JArray)write.PreImage![sub.Field]!).Select(context.CurrentId).ToList();
            // Just recreated: its list is empty, and reading it could only meet lag.
            var current = createdAt is null ? await _reader.ReadMemberIdsIfOwnerExistsAsync(kind, sub, id, cancellationToken) ?? [] : [];
            if (current.Except(wanted, StringComparer.Ordinal).Any())
            {
                return Changed(kind, write, $"it exists again with other {sub.Field}; check it by hand");
            }

            foreach (var chunk in wanted.Except(current, StringComparer.Ordinal).Chunk(sub.MaxPerAdd))
            {
                await SendAsync(kind, write, HttpMethod.Post, kind.ItemPath(id) + sub.PathSuffix, new JArray(chunk.Select(m => new JObject { ["id"] = m })), createdAt, attempts, cancellationToken);
                completed.Add(sub.Field);
            }
        }

        return (WriteStatus.Compensated, createdAt is null && completed.Count > 0 ? $"{detail}; its {string.Join(", ", completed.Distinct())} completed" : detail);
    }
}
