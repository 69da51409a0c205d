using CxAsCode.Extraction;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Deployment;

/// <summary>
/// Decides, by reading, whether a write whose response never arrived was applied. Reads after a create can
/// miss for a moment (eventual consistency), so "not there" is only concluded after a few bounded reads.
/// A write is never simply sent again.
/// </summary>
internal sealed class Reconciler
{
    private const int Attempts = 3;
    private readonly LiveReader _reader;
    private readonly TimeProvider _time;
    private readonly TimeSpan _pause;

    public Reconciler(LiveReader reader, TimeProvider time, TimeSpan? pause = null)
    {
        _reader = reader;
        _time = time;
        _pause = pause ?? TimeSpan.FromSeconds(1);
    }

    /// <summary>The outcome the intent actually had, as an outcome journal entry.</summary>
    public async Task<JournalEntry> ReconcileAsync(JournalEntry intent, CancellationToken cancellationToken)
    {
        var kind = ResourceKinds.ByName(intent.Kind);
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await ReadOutcomeAsync(kind, intent, cancellationToken);
            if (outcome.Status == WriteStatus.Applied || attempt == Attempts)
            {
                return outcome;
            }

            await Task.Delay(_pause, _time, cancellationToken);
        }
    }

    private async Task<JournalEntry> ReadOutcomeAsync(ResourceKind kind, JournalEntry intent, CancellationToken cancellationToken)
    {
        var outcome = intent with { Phase = JournalPhase.Outcome, Body = null, PreImage = null, Status = WriteStatus.Failed, Error = "reconciled by reading: not applied" };
        switch (intent.Operation)
        {
            case WriteOperation.Create:
                var created = await _reader.FindByNameAsync(kind, intent.Key, cancellationToken);
                return created is null ? outcome : Applied(outcome, kind, created);
            case WriteOperation.Update:
                var current = await _reader.ReadAsync(kind, intent.ObjectId!, cancellationToken);
                return current is null || Fingerprints.OfObject(kind, current) == intent.PreFingerprint ? outcome : Applied(outcome, kind, current);
            case WriteOperation.Delete:
                return await _reader.ReadAsync(kind, intent.ObjectId!, cancellationToken) is null
                    ? outcome with { Status = WriteStatus.Applied, Error = "reconciled by reading: applied" }
                    : outcome;
            default:
                var sub = kind.SubResources.Single(s => intent.Path!.Contains(s.PathSuffix, StringComparison.Ordinal));
                var members = await _reader.ReadMemberIdsAsync(kind, sub, intent.ObjectId!, cancellationToken);
                var touched = intent.MemberIds ?? [];
                var applied = intent.Operation == WriteOperation.AddMembers
                    ? touched.Any(members.Contains)
                    : touched.All(id => !members.Contains(id));
                return applied
                    ? outcome with { Status = WriteStatus.Applied, Error = "reconciled by reading: applied", PostImage = MemberLists.Image(members), PostFingerprint = Fingerprints.OfMembers(members) }
                    : outcome;
        }
    }

    private static JournalEntry Applied(JournalEntry outcome, ResourceKind kind, JObject raw) => outcome with
    {
        Status = WriteStatus.Applied,
        Error = "reconciled by reading: applied",
        ObjectId = (string?)raw["id"],
        PostImage = raw,
        PostFingerprint = Fingerprints.OfObject(kind, raw),
    };
}
