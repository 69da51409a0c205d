using CxAsCode.Deployment;
using CxAsCode.Extraction;
using CxAsCode.Http;
using CxAsCode.Normalization;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Rollback;

/// <summary>
/// The guarded inverse of each write. The guard reads the object first: exactly as our write left it →
/// undo; already as it was before → nothing to do; anything else → someone changed it, leave it for a person.
/// </summary>
internal sealed class Compensator
{
    private readonly GenesysClient _client;
    private readonly LiveReader _reader;

    public Compensator(GenesysClient client, LiveReader reader)
    {
        _client = client;
        _reader = reader;
    }

    public async Task<(WriteStatus Status, string Detail)> CompensateAsync(JournalEntry write, CancellationToken cancellationToken)
    {
        var kind = ResourceKinds.ByName(write.Kind);
        return write.Operation switch
        {
            WriteOperation.Create => await UndoCreateAsync(kind, write, cancellationToken),
            WriteOperation.Update => await UndoUpdateAsync(kind, write, cancellationToken),
            WriteOperation.Delete => await UndoDeleteAsync(kind, write, cancellationToken),
            _ => await UndoMembersAsync(kind, write, cancellationToken),
        };
    }

    private async Task<(WriteStatus, string)> UndoCreateAsync(ResourceKind kind, JournalEntry write, CancellationToken cancellationToken)
    {
        var current = await _reader.ReadAsync(kind, write.ObjectId!, cancellationToken);
        if (current is null)
        {
            return (WriteStatus.Compensated, "already gone");
        }

        if (Fingerprints.OfObject(kind, current) != write.PostFingerprint)
        {
            return Changed(kind, write, "delete it by hand if it should not exist");
        }

        await _client.SendAsync(HttpMethod.Delete, kind.ItemPath(write.ObjectId!), null, cancellationToken);
        return (WriteStatus.Compensated, "deleted");
    }

    private async Task<(WriteStatus, string)> UndoUpdateAsync(ResourceKind kind, JournalEntry write, CancellationToken cancellationToken)
    {
        var current = await _reader.ReadAsync(kind, write.ObjectId!, cancellationToken);
        var now = current is null ? null : Fingerprints.OfObject(kind, current);
        if (now is not null && now == write.PreFingerprint)
        {
            return (WriteStatus.Compensated, "already as before");
        }

        if (now is null || now != write.PostFingerprint)
        {
            return Changed(kind, write, "compare it with the pre-image in the journal");
        }

        await _client.SendAsync(HttpMethod.Put, kind.ItemPath(write.ObjectId!), RequestBodies.FromPreImage(kind, write.PreImage!), cancellationToken);
        return (WriteStatus.Compensated, "pre-image restored");
    }

    private async Task<(WriteStatus, string)> UndoDeleteAsync(ResourceKind kind, JournalEntry write, CancellationToken cancellationToken)
    {
        var existing = await _reader.FindByNameAsync(kind, write.Key, cancellationToken);
        if (existing is not null)
        {
            return Fingerprints.OfObject(kind, existing) == write.PreFingerprint
                ? (WriteStatus.Compensated, "already recreated")
                : Changed(kind, write, "an object with this name exists again; check it by hand");
        }

        var body = kind.WriteStrategy == WriteStrategy.CreateDelete
            ? new JObject(kind.ManagedFields.Where(f => write.PreImage![f] is not null).Select(f => new JProperty(f, write.PreImage![f]!.DeepClone())))
            : RequestBodies.FromPreImage(kind, write.PreImage!);
        var created = await _client.SendAsync(HttpMethod.Post, kind.ApiPath, body, cancellationToken) as JObject;
        var id = (string?)created?["id"] ?? throw new InvalidOperationException($"Recreating {kind} '{write.Key}' returned no id.");
        foreach (var sub in kind.SubResources.Where(s => write.PreImage![s.Field] is JArray { Count: > 0 }))
        {
            var members = Fingerprints.IdsOf((JArray)write.PreImage![sub.Field]!).Chunk(sub.MaxPerAdd);
            foreach (var chunk in members)
            {
                await _client.SendAsync(HttpMethod.Post, kind.ItemPath(id) + sub.PathSuffix, new JArray(chunk.Select(m => new JObject { ["id"] = m })), cancellationToken);
            }
        }

        return (WriteStatus.Compensated, $"recreated (new id {id})");
    }

    private async Task<(WriteStatus, string)> UndoMembersAsync(ResourceKind kind, JournalEntry write, CancellationToken cancellationToken)
    {
        var sub = kind.SubResources.Single(s => write.Path!.Contains(s.PathSuffix, StringComparison.Ordinal));
        var current = await _reader.ReadMemberIdsAsync(kind, sub, write.ObjectId!, cancellationToken);
        var now = Fingerprints.OfMembers(current);
        if (now == write.PreFingerprint)
        {
            return (WriteStatus.Compensated, "already as before");
        }

        if (now != write.PostFingerprint)
        {
            return Changed(kind, write, $"check its {sub.Field} by hand");
        }

        var path = kind.ItemPath(write.ObjectId!) + sub.PathSuffix;
        if (write.Operation == WriteOperation.AddMembers)
        {
            foreach (var member in write.MemberIds ?? [])
            {
                await _client.SendAsync(HttpMethod.Delete, $"{path}/{Uri.EscapeDataString(member)}", null, cancellationToken);
            }
        }
        else
        {
            await _client.SendAsync(HttpMethod.Post, path, new JArray((write.MemberIds ?? []).Select(m => new JObject { ["id"] = m })), cancellationToken);
        }

        return (WriteStatus.Compensated, $"{sub.Field} restored");
    }

    private static (WriteStatus, string) Changed(ResourceKind kind, JournalEntry write, string advice) =>
        (WriteStatus.ChangedSince, $"{kind} '{write.Key}' changed after our write; not touched: {advice}.");
}
