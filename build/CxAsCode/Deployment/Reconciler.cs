using CxAsCode.Extraction;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Deployment;

/// <summary>
/// Decides, by reading, whether a write whose response never arrived was applied. The platform is
/// eventually consistent and may even apply a request after the client gave up on it, so seeing our write
/// settles it at once, while not seeing it is believed only once the consistency window since the write was
/// sent has passed; an answer that stays unclear (the object gone, or changed to something we did not send,
/// or reads failing) is recorded as unknown for a person. A write is never simply sent again.
/// </summary>
internal sealed class Reconciler
{
    private readonly LiveReader _reader;
    private readonly ConsistencyWindow _window;

    public Reconciler(LiveReader reader, ConsistencyWindow window)
    {
        _reader = reader;
        _window = window;
    }

    /// <summary>The outcome the intent actually had, as an outcome journal entry (applied, not applied, or unknown).</summary>
    public async Task<JournalEntry> ReconcileAsync(JournalEntry intent, CancellationToken cancellationToken)
    {
        var kind = ResourceKinds.ByName(intent.Kind);
        // A journal line without a time (written by hand) counts from now: the conservative choice.
        var sent = JournalTimes.Parse(intent.Timestamp) ?? _window.Now;
        var notApplied = Outcome(intent, WriteStatus.Failed, $"reconciled by reading: not applied (no trace of it {_window.Describe()} after it was sent)");
        var settled = await _window.SettleAsync(sent, token => ObserveAsync(kind, intent, notApplied, token), notApplied, cancellationToken);
        var outcome = settled.IsKnown
            ? settled.Value
            : Outcome(intent, WriteStatus.Unknown, "reading could not tell whether it applied: " + settled.Unknown);
        return outcome with { Timestamp = JournalTimes.Format(_window.Now) };
    }

    private async Task<Observation<JournalEntry>> ObserveAsync(ResourceKind kind, JournalEntry intent, JournalEntry notApplied, CancellationToken cancellationToken)
    {
        switch (intent.Operation)
        {
            case WriteOperation.Unlock:
                var flow = await _reader.ReadStateAsync(kind, intent.ObjectId!, cancellationToken);
                return !flow.Exists ? Observation<JournalEntry>.Unclear(notApplied, $"{kind} '{intent.Key}' is gone")
                    : FlowLock.HolderOf(flow.Object!) is null ? Observation<JournalEntry>.Settled(Applied(intent, kind, flow.Object!), "no longer locked")
                    : Observation<JournalEntry>.Tentative(notApplied, $"{kind} '{intent.Key}' is still locked");
            case WriteOperation.Create or WriteOperation.Update when kind.IsFlow:
                // A publish shows as a flow of that type and name whose published version is not the one before.
                var published = await _reader.FindByKeyAsync(kind, intent.Key, cancellationToken);
                return published is not null && !JToken.DeepEquals(published["publishedVersion"], intent.PreImage?["publishedVersion"])
                    ? Observation<JournalEntry>.Settled(Applied(intent, kind, published), "a new version is published")
                    : Observation<JournalEntry>.Tentative(notApplied, $"{kind} '{intent.Key}' shows no new published version");
            case WriteOperation.Create:
                var created = await _reader.FindByKeyAsync(kind, intent.Key, cancellationToken);
                return created is null
                    ? Observation<JournalEntry>.Tentative(notApplied, $"no {kind} '{intent.Key}' is listed")
                    : Observation<JournalEntry>.Settled(Applied(intent, kind, created), "found by its key");
            case WriteOperation.Restore:
                var restored = await _reader.ReadStateAsync(kind, intent.ObjectId!, cancellationToken);
                return restored.Exists
                    ? Observation<JournalEntry>.Settled(Applied(intent, kind, restored.Object!), "active again")
                    : Observation<JournalEntry>.Tentative(notApplied, $"{kind} '{intent.Key}' is still deleted");
            case WriteOperation.Update:
                return ObserveUpdate(kind, intent, notApplied, await _reader.ReadStateAsync(kind, intent.ObjectId!, cancellationToken));
            case WriteOperation.Delete:
                var read = await _reader.ReadStateAsync(kind, intent.ObjectId!, cancellationToken);
                // A deleted queue can still answer for about a minute: its presence proves nothing either way.
                return read.Exists
                    ? Observation<JournalEntry>.Unclear(notApplied, $"{kind} '{intent.Key}' still answers")
                    : Observation<JournalEntry>.Settled(Outcome(intent, WriteStatus.Applied, "reconciled by reading: applied"), "gone");
            case WriteOperation.MoveDivision:
                return ObserveMove(kind, intent, notApplied, await _reader.ReadStateAsync(kind, intent.ObjectId!, cancellationToken));
            default:
                return await ObserveMembersAsync(kind, intent, notApplied, cancellationToken);
        }
    }

    private static Observation<JournalEntry> ObserveUpdate(ResourceKind kind, JournalEntry intent, JournalEntry notApplied, LiveRead read)
    {
        if (!read.Exists)
        {
            return Observation<JournalEntry>.Unclear(notApplied, $"{kind} '{intent.Key}' is gone");
        }

        var current = read.Object!;
        var before = Fingerprints.OfObject(kind, current) == intent.PreFingerprint;
        // A user's write is several requests: any change from the pre-image is (part of) ours, and a rollback
        // restores the whole pre-image.
        if (intent.Body is null || kind.IsUser ? !before : WriteEffect.IsVisibleIn(current, intent.Body))
        {
            return Observation<JournalEntry>.Settled(Applied(intent, kind, current), "shows what we sent");
        }

        return before
            ? Observation<JournalEntry>.Tentative(notApplied, $"{kind} '{intent.Key}' is still as it was before the write")
            : Observation<JournalEntry>.Unclear(notApplied, $"{kind} '{intent.Key}' changed, but not to what we sent: someone else wrote to it");
    }

    private static Observation<JournalEntry> ObserveMove(ResourceKind kind, JournalEntry intent, JournalEntry notApplied, LiveRead read)
    {
        if (!read.Exists)
        {
            return Observation<JournalEntry>.Unclear(notApplied, $"{kind} '{intent.Key}' is gone");
        }

        var division = DivisionMoves.DivisionOf(read.Object);
        return division == DivisionMoves.TargetOf(intent.Path!) ? Observation<JournalEntry>.Settled(Applied(intent, kind, read.Object!), "in the division we moved it to")
            : division == DivisionMoves.DivisionOf(intent.PreImage) ? Observation<JournalEntry>.Tentative(notApplied, $"{kind} '{intent.Key}' is still in its division")
            : Observation<JournalEntry>.Unclear(notApplied, $"{kind} '{intent.Key}' is in a third division: someone else moved it");
    }

    private async Task<Observation<JournalEntry>> ObserveMembersAsync(ResourceKind kind, JournalEntry intent, JournalEntry notApplied, CancellationToken cancellationToken)
    {
        var sub = kind.SubResources.Single(s => intent.Path!.Contains(s.PathSuffix, StringComparison.Ordinal));
        var members = await _reader.ReadMemberIdsIfOwnerExistsAsync(kind, sub, intent.ObjectId!, cancellationToken);
        if (members is null)
        {
            return Observation<JournalEntry>.Unclear(notApplied, $"{kind} '{intent.Key}' is gone");
        }

        var touched = intent.MemberIds ?? [];
        var adding = intent.Operation == WriteOperation.AddMembers;
        // Our adds present, or our removals absent, is our write's effect: a stale read shows the list before it.
        var visible = adding ? touched.Any(members.Contains) : touched.All(id => !members.Contains(id));
        if (!visible)
        {
            return Observation<JournalEntry>.Tentative(notApplied, $"the {sub.Field} of {kind} '{intent.Key}' are still as before the write");
        }

        var after = adding ? members.Union(touched, StringComparer.Ordinal) : members.Except(touched, StringComparer.Ordinal);
        var image = MemberLists.Image(after);
        return Observation<JournalEntry>.Settled(
            Outcome(intent, WriteStatus.Applied, "reconciled by reading: applied") with { PostImage = image, PostFingerprint = Fingerprints.OfMembers(MemberLists.Ids(image)) },
            $"the {sub.Field} show it");
    }

    private static JournalEntry Outcome(JournalEntry intent, WriteStatus status, string detail) =>
        intent with { Phase = JournalPhase.Outcome, Body = null, PreImage = null, Status = status, Error = detail };

    private static JournalEntry Applied(JournalEntry intent, ResourceKind kind, JObject raw) =>
        Outcome(intent, WriteStatus.Applied, "reconciled by reading: applied") with
        {
            ObjectId = (string?)raw["id"],
            PostImage = raw,
            PostFingerprint = Fingerprints.OfObject(kind, raw),
        };
}
