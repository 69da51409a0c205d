using CxAsCode.Extraction;
using CxAsCode.Planning;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Deployment;

/// <summary>
/// We never write over an edit made after the plan. Two reads guard that: one batched check of every
/// planned object before the first write (a list call per 50 ids, plus the member lists the plan compared),
/// so a plan that is already stale is refused with nothing sent; then, right before each write, the object
/// itself is read again by id (and its member list before a member write), so the window an edit can slip
/// through is one round trip, not a whole rank. Queues and wrap-up codes have no server-side version: this
/// client-side check is all that stands between a deploy and someone's edit.
/// </summary>
internal sealed class Preconditions
{
    private const string Refusal = "Refusing to overwrite edits made after the plan: ";
    private readonly LiveReader _reader;
    private readonly bool _forceUnlock;
    private readonly Dictionary<PlanEntry, string> _toUnlock = [];

    /// <param name="reader">Reads the org.</param>
    /// <param name="forceUnlock">A flow someone holds is to be unlocked (<c>--force-unlock</c>), not a refusal.</param>
    public Preconditions(LiveReader reader, bool forceUnlock = false)
    {
        _reader = reader;
        _forceUnlock = forceUnlock;
    }

    /// <summary>Who holds the lock of a planned flow that must be unlocked before its write (<c>--force-unlock</c>); null when none.</summary>
    public string? LockHolder(PlanEntry entry) => _toUnlock.GetValueOrDefault(entry);

    /// <summary>
    /// The batched check: the fresh live object for each entry that has one (with the member lists the plan
    /// compared, and all of them for deletes); throws <see cref="PreconditionFailedException"/> on any drift.
    /// </summary>
    public async Task<IReadOnlyDictionary<PlanEntry, JObject>> CheckAsync(IEnumerable<PlanEntry> entries, CancellationToken cancellationToken)
    {
        var fresh = new Dictionary<PlanEntry, JObject>();
        var problems = new List<string>();
        var locked = new List<string>();
        foreach (var group in entries.Where(e => e.LiveId is not null).GroupBy(e => e.Kind))
        {
            var kind = ResourceKinds.ByName(group.Key);
            var live = await _reader.ReadManyAsync(kind, [.. group.Select(e => e.LiveId!)], cancellationToken);
            foreach (var entry in group)
            {
                if (!live.TryGetValue(entry.LiveId!, out var raw))
                {
                    problems.Add($"{kind} '{entry.Key}' was deleted after the plan was made");
                    continue;
                }

                raw = (JObject)raw.DeepClone();
                if (kind.IsFlow && FlowLock.HolderOf(raw) is { } holder)
                {
                    if (_forceUnlock)
                    {
                        _toUnlock[entry] = holder;
                    }
                    else
                    {
                        locked.Add($"{kind} '{entry.Key}' is locked by {holder}");
                    }
                }

                foreach (var sub in kind.SubResources.Where(s => entry.Desired?[s.Field] is not null))
                {
                    raw[sub.Field] = MemberList(await _reader.ReadMemberIdsAsync(kind, sub, entry.LiveId!, cancellationToken));
                }

                var now = Fingerprints.Of(kind, raw);
                if (now != entry.Fingerprint)
                {
                    problems.Add($"{kind} '{entry.Key}' changed after the plan was made (planned against {entry.Fingerprint}, live is now {now})");
                    continue;
                }

                if (entry.Action is ChangeAction.Delete or ChangeAction.Replace)
                {
                    // Keep the member lists in the pre-image, so a rollback that recreates the object restores them too.
                    foreach (var sub in kind.SubResources.Where(s => raw[s.Field] is null))
                    {
                        raw[sub.Field] = MemberList(await _reader.ReadMemberIdsAsync(kind, sub, entry.LiveId!, cancellationToken));
                    }
                }

                fresh[entry] = raw;
            }
        }

        if (locked.Count > 0)
        {
            // Publishing over a flow someone has checked out would throw their unsaved work away.
            throw new PreconditionFailedException($"Refusing to publish flows that someone else has checked out: {string.Join("; ", locked)}. Ask them to check the flow in and deploy again, or pass --force-unlock to unlock it and publish over their unsaved work.");
        }

        return problems.Count == 0
            ? fresh
            : throw new PreconditionFailedException(Refusal + string.Join("; ", problems) + ".");
    }

    /// <summary>
    /// Right before writing the object itself: reads it by id and compares it, member lists aside, with what
    /// the batched check verified. Returns the object as read, the base and pre-image of the write.
    /// </summary>
    public async Task<JObject> ObjectBeforeWriteAsync(PlanEntry entry, JObject verified, CancellationToken cancellationToken)
    {
        var kind = ResourceKinds.ByName(entry.Kind);
        var read = await _reader.ReadStateAsync(kind, entry.LiveId!, cancellationToken);
        if (!read.Exists)
        {
            throw new PreconditionFailedException($"{Refusal}{kind} '{entry.Key}' was deleted after the plan was made.");
        }

        return AsVerified(kind, entry, verified, read.Object!);
    }

    /// <summary>Right before restoring a deleted user: reads it (<c>state=deleted</c>) and compares it with what the batched check verified.</summary>
    public async Task<JObject> DeletedBeforeRestoreAsync(PlanEntry entry, JObject verified, CancellationToken cancellationToken)
    {
        var kind = ResourceKinds.ByName(entry.Kind);
        var deleted = await _reader.ReadDeletedAsync(kind, entry.LiveId!, cancellationToken)
            ?? throw new PreconditionFailedException($"{Refusal}{kind} '{entry.Key}' is no longer deleted: someone restored it after the plan was made.");
        return AsVerified(kind, entry, verified, deleted);
    }

    /// <summary>The object just read, when it is still what the batched check verified (member lists aside).</summary>
    private static JObject AsVerified(ResourceKind kind, PlanEntry entry, JObject verified, JObject read)
    {
        var then = Fingerprints.OfObject(kind, verified);
        var now = Fingerprints.OfObject(kind, read);
        return now == then
            ? read
            : throw new PreconditionFailedException($"{Refusal}{kind} '{entry.Key}' changed after the plan was made (planned against {then}, live is now {now}).");
    }

    /// <summary>The ids of the queues a user is a member of (joined or not), read right before it is deleted.</summary>
    public Task<IReadOnlyList<string>> QueuesOfUserAsync(string userId, CancellationToken cancellationToken) =>
        _reader.ReadUserQueueIdsAsync(userId, cancellationToken);

    /// <summary>The object as it reads now, for a refusal's message; null when it is gone.</summary>
    public async Task<JObject?> ReadNowAsync(ResourceKind kind, string id, CancellationToken cancellationToken) =>
        await _reader.ReadAsync(kind, id, cancellationToken);

    /// <summary>Right before writing a member list: reads it and compares it with what the batched check verified.</summary>
    public async Task<IReadOnlyList<string>> MembersBeforeWriteAsync(PlanEntry entry, SubResource sub, JObject verified, CancellationToken cancellationToken)
    {
        var kind = ResourceKinds.ByName(entry.Kind);
        var ids = await _reader.ReadMemberIdsIfOwnerExistsAsync(kind, sub, entry.LiveId!, cancellationToken)
            ?? throw new PreconditionFailedException($"{Refusal}{kind} '{entry.Key}' was deleted after the plan was made.");
        var then = Fingerprints.OfMembers(Fingerprints.IdsOf(verified[sub.Field] as JArray ?? []));
        var now = Fingerprints.OfMembers(ids);
        return now == then
            ? ids
            : throw new PreconditionFailedException($"{Refusal}the {sub.Field} of {kind} '{entry.Key}' changed after the plan was made (planned against {then}, live is now {now}).");
    }

    private static JArray MemberList(IEnumerable<string> ids) => new(ids.Select(id => new JObject { ["id"] = id }));
}
