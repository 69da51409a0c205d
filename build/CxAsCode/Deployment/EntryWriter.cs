using CxAsCode.Normalization;
using CxAsCode.Planning;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Deployment;

/// <summary>
/// The writes for one plan entry, in order: the object itself, then its member lists. Each write is built
/// just before it is sent, because a create's id is only known once it returns.
/// </summary>
internal sealed class EntryWriter
{
    private readonly WriteExecutor _writer;
    private readonly IdRegistry _ids;
    private readonly PlanEntry _entry;
    private readonly ResourceKind _kind;
    private readonly JObject? _fresh;
    private readonly CancellationToken _stop;
    private int _applied;

    public EntryWriter(WriteExecutor writer, IdRegistry ids, PlanEntry entry, JObject? fresh, CancellationToken stop)
    {
        _writer = writer;
        _ids = ids;
        _entry = entry;
        _kind = ResourceKinds.ByName(entry.Kind);
        _fresh = fresh;
        _stop = stop;
    }

    /// <summary>Writes of this entry the API accepted so far.</summary>
    public int Applied => _applied;

    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        switch (_entry.Action)
        {
            case ChangeAction.Create:
                await CreateAsync(cancellationToken);
                break;
            case ChangeAction.Update:
                await UpdateAsync(cancellationToken);
                break;
            case ChangeAction.Replace:
                await DeleteAsync(cancellationToken);
                await CreateAsync(cancellationToken);
                break;
            case ChangeAction.Delete:
                await DeleteAsync(cancellationToken);
                break;
        }
    }

    private async Task CreateAsync(CancellationToken cancellationToken)
    {
        var body = RequestBodies.For(_kind, _entry.Desired!, null, _ids.Resolve);
        var outcome = await SendAsync(new PlannedWrite(_kind, _entry.Key, WriteOperation.Create, HttpMethod.Post, _kind.ApiPath) { Body = body }, cancellationToken);
        var id = outcome.ObjectId ?? throw new InvalidOperationException($"Creating {_kind} '{_entry.Key}' returned no id.");
        _ids.Set(_kind, _entry.Key, id);
        await SyncMembersAsync(id, [], cancellationToken);
    }

    private async Task UpdateAsync(CancellationToken cancellationToken)
    {
        var id = _entry.LiveId!;
        var subFields = _kind.SubResources.Select(s => s.Field).ToHashSet(StringComparer.Ordinal);
        if (_entry.Changes.Any(c => !subFields.Contains(c.Path.Split('.')[0])))
        {
            var body = RequestBodies.For(_kind, _entry.Desired!, _fresh!, _ids.Resolve);
            await SendAsync(new PlannedWrite(_kind, _entry.Key, WriteOperation.Update, HttpMethod.Put, _kind.ItemPath(id))
            {
                Body = body,
                ObjectId = id,
                PreImage = WithoutMembers(_fresh!),
                PreFingerprint = Fingerprints.OfObject(_kind, _fresh!),
            }, cancellationToken);
        }

        await SyncMembersAsync(id, _fresh!, cancellationToken);
    }

    private async Task DeleteAsync(CancellationToken cancellationToken)
    {
        var id = _entry.LiveId!;
        await SendAsync(new PlannedWrite(_kind, _entry.Key, WriteOperation.Delete, HttpMethod.Delete, _kind.ItemPath(id))
        {
            ObjectId = id,
            PreImage = _fresh,
            PreFingerprint = Fingerprints.OfObject(_kind, _fresh!),
        }, cancellationToken);
        _ids.Remove(_kind, _entry.Key);
    }

    /// <summary>Adds and removes member-list entries so the live list equals the desired one.</summary>
    private async Task SyncMembersAsync(string ownerId, JObject current, CancellationToken cancellationToken)
    {
        foreach (var sub in _kind.SubResources.Where(s => _entry.Desired?[s.Field] is JArray))
        {
            var target = ResourceKinds.ByName(sub.TargetKind);
            var wanted = ((JArray)_entry.Desired![sub.Field]!).Select(t => _ids.Resolve(target, (string)t!)).ToList();
            var members = (current[sub.Field] as JArray ?? []).Select(t => (string?)t["id"]).OfType<string>().ToList();
            var path = _kind.ItemPath(ownerId) + sub.PathSuffix;
            foreach (var chunk in wanted.Except(members, StringComparer.Ordinal).Order(StringComparer.Ordinal).Chunk(sub.MaxPerAdd))
            {
                await SendAsync(new PlannedWrite(_kind, _entry.Key, WriteOperation.AddMembers, HttpMethod.Post, path)
                {
                    Body = new JArray(chunk.Select(id => new JObject { ["id"] = id })),
                    ObjectId = ownerId,
                    Sub = sub,
                    MemberIds = chunk,
                    PreImage = MemberLists.Image(members),
                    PreFingerprint = Fingerprints.OfMembers(members),
                }, cancellationToken);
                members.AddRange(chunk);
            }

            foreach (var member in members.Except(wanted, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList())
            {
                await SendAsync(new PlannedWrite(_kind, _entry.Key, WriteOperation.RemoveMember, HttpMethod.Delete, $"{path}/{Uri.EscapeDataString(member)}")
                {
                    ObjectId = ownerId,
                    Sub = sub,
                    MemberIds = [member],
                    PreImage = MemberLists.Image(members),
                    PreFingerprint = Fingerprints.OfMembers(members),
                }, cancellationToken);
                members.Remove(member);
            }
        }
    }

    private async Task<JournalEntry> SendAsync(PlannedWrite write, CancellationToken cancellationToken)
    {
        // Another object's write failed: send nothing new. Writes already in flight finish and are journaled.
        _stop.ThrowIfCancellationRequested();
        var outcome = await _writer.ExecuteAsync(write, cancellationToken);
        _applied++;
        return outcome;
    }

    private JObject WithoutMembers(JObject raw)
    {
        var copy = (JObject)raw.DeepClone();
        foreach (var sub in _kind.SubResources)
        {
            copy.Remove(sub.Field);
        }

        return copy;
    }
}
