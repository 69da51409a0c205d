using CxAsCode.Normalization;
using CxAsCode.Planning;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Deployment;

/// <summary>
/// The writes for one plan entry, in order: the object itself, then its member lists. Each write is built
/// just before it is sent, from a read made just before it (<see cref="Preconditions"/>), because an edit
/// may land at any moment and a create's id is only known once it returns.
/// </summary>
internal sealed class EntryWriter
{
    private readonly WriteExecutor _writer;
    private readonly Preconditions _preconditions;
    private readonly IdRegistry _ids;
    private readonly PlanEntry _entry;
    private readonly ResourceKind _kind;
    private readonly JObject? _verified;
    private readonly CancellationToken _stop;
    private readonly string? _liveContent;
    private int _sent;

    /// <param name="writer">Sends and journals each write.</param>
    /// <param name="preconditions">Reads each object again right before its write.</param>
    /// <param name="ids">Names to ids in the target org.</param>
    /// <param name="entry">The change.</param>
    /// <param name="verified">The object as the batched check before the first write saw it (null for a create).</param>
    /// <param name="stop">Set when another object's write failed: nothing new is sent.</param>
    /// <param name="liveContent">A flow's content as Extract exported it (its pre-image for a rollback); null for other kinds.</param>
    public EntryWriter(WriteExecutor writer, Preconditions preconditions, IdRegistry ids, PlanEntry entry, JObject? verified, CancellationToken stop, string? liveContent = null)
    {
        _liveContent = liveContent;
        _writer = writer;
        _preconditions = preconditions;
        _ids = ids;
        _entry = entry;
        _kind = ResourceKinds.ByName(entry.Kind);
        _verified = verified;
        _stop = stop;
    }

    /// <summary>Writes of this entry sent so far (whatever their result).</summary>
    public int Sent => _sent;

    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        if (_kind.IsFlow && _entry.Action is ChangeAction.Create or ChangeAction.Update)
        {
            await PublishFlowAsync(cancellationToken);
            return;
        }

        if (_kind.IsUser && _entry.Action is ChangeAction.Create or ChangeAction.Update or ChangeAction.Restore)
        {
            await WriteUserAsync(cancellationToken);
            return;
        }

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

    /// <summary>
    /// A flow's create or update: one Architect import job with the desired YAML. An update first reads the flow
    /// (its published version must still be the planned one) and journals its exported content as the pre-image,
    /// so a rollback publishes exactly that content again.
    /// </summary>
    private async Task PublishFlowAsync(CancellationToken cancellationToken)
    {
        var write = new PlannedWrite(_kind, _entry.Key, _entry.Action == ChangeAction.Create ? WriteOperation.Create : WriteOperation.Update, HttpMethod.Post, "/api/v2/flows/jobs")
        {
            Body = new JObject { [FlowFields.Yaml] = (string?)_entry.Desired![FlowFields.Yaml] },
        };
        if (_entry.Action == ChangeAction.Update)
        {
            await UnlockIfForcedAsync(cancellationToken);
            var fresh = await ReadObjectAsync(cancellationToken);
            write = write with { ObjectId = _entry.LiveId, PreImage = WithContent(fresh), PreFingerprint = Fingerprints.OfObject(_kind, fresh) };
        }

        var outcome = await SendAsync(write, cancellationToken);
        _ids.Set(_kind, _entry.Key, outcome.ObjectId ?? throw new InvalidOperationException($"Publishing {_kind} '{_entry.Key}' named no flow."));
    }

    /// <summary>
    /// A user's create, update or restore: one journaled write of the fields, skills and languages that differ
    /// (<see cref="UserWriter"/>), then its division move when the division changed. The PATCH carries the version
    /// of the read just before it; a 409 for a stale version is an edit that landed in between: re-read, reported,
    /// never sent again.
    /// </summary>
    private async Task WriteUserAsync(CancellationToken cancellationToken)
    {
        var target = UserBodies.Target(_entry.Desired!, _ids.Resolve);
        if (_entry.Action == ChangeAction.Create)
        {
            var created = await SendAsync(new PlannedWrite(_kind, _entry.Key, WriteOperation.Create, HttpMethod.Post, _kind.ApiPath) { Body = UserBodies.Between(target, null) }, cancellationToken);
            _ids.Set(_kind, _entry.Key, created.ObjectId ?? throw new InvalidOperationException($"Creating user '{_entry.Key}' returned no id."));
            return;
        }

        var id = _entry.LiveId!;
        var restore = _entry.Action == ChangeAction.Restore;
        var fresh = restore ? await ReadDeletedObjectAsync(cancellationToken) : await ReadObjectAsync(cancellationToken);
        var body = UserBodies.Between(target, fresh, restore);
        if (!UserBodies.IsEmpty(body))
        {
            var operation = restore ? WriteOperation.Restore : WriteOperation.Update;
            try
            {
                await SendAsync(new PlannedWrite(_kind, _entry.Key, operation, HttpMethod.Patch, _kind.ItemPath(id))
                {
                    Body = body,
                    ObjectId = id,
                    PreImage = fresh,
                    PreFingerprint = Fingerprints.OfObject(_kind, fresh),
                }, cancellationToken);
            }
            catch (Http.ApiException stale) when (ServerVersions.IsStaleVersion(_kind, stale))
            {
                var now = await _preconditions.ReadNowAsync(_kind, id, cancellationToken);
                throw new PreconditionFailedException(
                    $"Refusing to overwrite edits made after the plan: {_kind} '{_entry.Key}' was edited between our read and our write (version {(string?)fresh["version"]} → {(string?)now?["version"] ?? "gone"}); the platform refused our PATCH (409) and it was not sent again.");
            }
        }

        // A restored user is in the org again: what names it (a queue's members, a manager) can now resolve it.
        _ids.Set(_kind, _entry.Key, id);
        if (!Equals((string?)target["division"]?["id"], DivisionMoves.DivisionOf(fresh)))
        {
            await MoveDivisionAsync(id, cancellationToken);
        }
    }

    /// <summary>
    /// With <c>--force-unlock</c>, a flow someone holds is unlocked first: its own journaled write, so the report
    /// and any rollback say whose lock it was.
    /// </summary>
    private async Task UnlockIfForcedAsync(CancellationToken cancellationToken)
    {
        if (_preconditions.LockHolder(_entry) is not { } holder)
        {
            return;
        }

        await SendAsync(new PlannedWrite(_kind, _entry.Key, WriteOperation.Unlock, HttpMethod.Post, $"/api/v2/flows/actions/unlock?flow={Uri.EscapeDataString(_entry.LiveId!)}")
        {
            ObjectId = _entry.LiveId,
            PreImage = new JObject { ["holder"] = holder },
        }, cancellationToken);
    }

    /// <summary>A flow's pre-image carries its content, when Extract had it: what a rollback publishes again.</summary>
    private JObject WithContent(JObject fresh)
    {
        var image = (JObject)fresh.DeepClone();
        if (_liveContent is not null)
        {
            image[FlowFields.Content] = _liveContent;
        }

        return image;
    }

    private async Task CreateAsync(CancellationToken cancellationToken)
    {
        var body = RequestBodies.For(_kind, _entry.Desired!, null, _ids.Resolve);
        var outcome = await SendAsync(new PlannedWrite(_kind, _entry.Key, WriteOperation.Create, HttpMethod.Post, _kind.ApiPath) { Body = body }, cancellationToken);
        var id = outcome.ObjectId ?? throw new InvalidOperationException($"Creating {_kind} '{_entry.Key}' returned no id.");
        _ids.Set(_kind, _entry.Key, id);
        await SyncMembersAsync(id, [], JournalTimes.Parse(outcome.Timestamp), cancellationToken);
    }

    private async Task UpdateAsync(CancellationToken cancellationToken)
    {
        var id = _entry.LiveId!;
        var subFields = _kind.SubResources.Select(s => s.Field).ToHashSet(StringComparer.Ordinal);
        var moves = _kind.DivisionObjectType is not null && _entry.Changes.Any(c => c.Path == "division");
        if (_entry.Changes.Any(c => !subFields.Contains(c.Path.Split('.')[0]) && !(moves && c.Path == "division")))
        {
            var fresh = await ReadObjectAsync(cancellationToken);
            var body = ServerVersions.Stamp(_kind, RequestBodies.For(_kind, _entry.Desired!, fresh, _ids.Resolve), fresh);
            if (CarriedOverClearing.FirstWrite(_kind, body, fresh) is { } cleared)
            {
                fresh = await ClearCarriedOverAsync(id, fresh, cleared, cancellationToken);
            }

            try
            {
                await SendAsync(Put(id, body, fresh), cancellationToken);
            }
            catch (Http.ApiException stale) when (ServerVersions.IsStaleVersion(_kind, stale))
            {
                // The server's version moved after our read: a replica behind the write that bumped it, or an
                // edit. Read again: if the object still is what the plan was made against (its content, the
                // version aside), send once more with the version now; if not, the re-read refuses.
                fresh = await ReadObjectAsync(cancellationToken);
                body = ServerVersions.Stamp(_kind, RequestBodies.For(_kind, _entry.Desired!, fresh, _ids.Resolve), fresh);
                await SendAsync(Put(id, body, fresh), cancellationToken);
            }
        }

        if (moves)
        {
            await MoveDivisionAsync(id, cancellationToken);
        }

        await SyncMembersAsync(id, _verified!, null, cancellationToken);
    }

    private PlannedWrite Put(string id, JObject body, JObject fresh) => new(_kind, _entry.Key, WriteOperation.Update, HttpMethod.Put, _kind.ItemPath(id))
    {
        Body = body,
        ObjectId = id,
        PreImage = WithoutMembers(fresh),
        PreFingerprint = Fingerprints.OfObject(_kind, fresh),
    };

    /// <summary>
    /// The first of two PUTs: empties what the org owns at places the update drops (a ring's member groups),
    /// journaled as an update of its own so a rollback puts them back. The second PUT follows at once on the
    /// object this one leaves: a read in between could show the replica from before it, and tell us nothing.
    /// </summary>
    private async Task<JObject> ClearCarriedOverAsync(string id, JObject fresh, JObject cleared, CancellationToken cancellationToken)
    {
        await SendAsync(new PlannedWrite(_kind, _entry.Key, WriteOperation.Update, HttpMethod.Put, _kind.ItemPath(id))
        {
            Body = ServerVersions.Stamp(_kind, RequestBodies.FromPreImage(_kind, WithoutMembers(cleared)), fresh),
            ObjectId = id,
            PreImage = WithoutMembers(fresh),
            PreFingerprint = Fingerprints.OfObject(_kind, fresh),
        }, cancellationToken);
        return cleared;
    }

    /// <summary>The division change of a kind whose update leaves the division alone: its own write, journaled and undoable.</summary>
    private async Task MoveDivisionAsync(string id, CancellationToken cancellationToken)
    {
        var fresh = await ReadObjectAsync(cancellationToken);
        var target = _ids.Resolve(ResourceKinds.Divisions, (string)_entry.Desired!["division"]!);
        await SendAsync(new PlannedWrite(_kind, _entry.Key, WriteOperation.MoveDivision, HttpMethod.Post, DivisionMoves.Path(target, _kind.DivisionObjectType!))
        {
            Body = new JArray(id),
            ObjectId = id,
            PreImage = new JObject { ["division"] = new JObject { ["id"] = DivisionMoves.DivisionOf(fresh) } },
            PreFingerprint = Fingerprints.OfObject(_kind, fresh),
        }, cancellationToken);
    }

    private async Task DeleteAsync(CancellationToken cancellationToken)
    {
        var id = _entry.LiveId!;
        await UnlockIfForcedAsync(cancellationToken);
        // A delete takes the member lists with it: read them again too, so a rollback recreates what was there.
        var fresh = await ReadObjectAsync(cancellationToken);
        foreach (var sub in _kind.SubResources)
        {
            var members = await _preconditions.MembersBeforeWriteAsync(_entry, sub, _verified!, cancellationToken);
            fresh[sub.Field] = new JArray(members.Select(m => new JObject { ["id"] = m }));
        }

        if (_kind.IsFlow)
        {
            fresh = WithContent(fresh);
        }

        var force = _entry.ForceDelete && _kind.ForceDeleteParameter is { } parameter ? $"?{parameter}=true" : string.Empty;
        var fingerprint = Fingerprints.OfObject(_kind, fresh);
        if (_kind.IsUser)
        {
            // The platform takes a deleted user out of every queue: the pre-image keeps which, so a rollback puts them back.
            fresh[UserQueues.Field] = new JArray(await _preconditions.QueuesOfUserAsync(id, cancellationToken));
        }

        await SendAsync(new PlannedWrite(_kind, _entry.Key, WriteOperation.Delete, HttpMethod.Delete, _kind.ItemPath(id) + force)
        {
            ObjectId = id,
            PreImage = fresh,
            PreFingerprint = fingerprint,
        }, cancellationToken);
        _ids.Remove(_kind, _entry.Key);
    }

    /// <summary>
    /// Adds and removes member-list entries so the live list equals the desired one. For an existing object
    /// the list is read again right before its first write; a list that needs no write is not read.
    /// </summary>
    private async Task SyncMembersAsync(string ownerId, JObject current, DateTimeOffset? createdAt, CancellationToken cancellationToken)
    {
        foreach (var sub in _kind.SubResources.Where(s => _entry.Desired?[s.Field] is JArray))
        {
            var target = ResourceKinds.ByName(sub.TargetKind);
            var wanted = ((JArray)_entry.Desired![sub.Field]!).Select(t => _ids.Resolve(target, (string)t!)).ToList();
            var members = Fingerprints.IdsOf(current[sub.Field] as JArray ?? []).ToList();
            if (members.ToHashSet(StringComparer.Ordinal).SetEquals(wanted))
            {
                continue;
            }

            if (createdAt is null)
            {
                _stop.ThrowIfCancellationRequested();
                members = [.. await _preconditions.MembersBeforeWriteAsync(_entry, sub, _verified!, cancellationToken)];
            }

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
                    OwnerCreatedAt = createdAt,
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
                    OwnerCreatedAt = createdAt,
                }, cancellationToken);
                members.Remove(member);
            }
        }
    }

    private async Task<JObject> ReadObjectAsync(CancellationToken cancellationToken)
    {
        _stop.ThrowIfCancellationRequested();
        return await _preconditions.ObjectBeforeWriteAsync(_entry, _verified!, cancellationToken);
    }

    private async Task<JObject> ReadDeletedObjectAsync(CancellationToken cancellationToken)
    {
        _stop.ThrowIfCancellationRequested();
        return await _preconditions.DeletedBeforeRestoreAsync(_entry, _verified!, cancellationToken);
    }

    private async Task<JournalEntry> SendAsync(PlannedWrite write, CancellationToken cancellationToken)
    {
        // Another object's write failed: send nothing new. Writes already in flight finish and are journaled.
        _stop.ThrowIfCancellationRequested();
        Interlocked.Increment(ref _sent);
        return await _writer.ExecuteAsync(write, cancellationToken);
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
