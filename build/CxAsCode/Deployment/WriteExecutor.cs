using CxAsCode.Http;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Deployment;

/// <summary>
/// Sends one write with the journal around it: the intent (with the pre-image) is on disk before the
/// request leaves, the outcome (with the post-fingerprint rollback guards on) right after. A lost response
/// is recorded as unknown and settled by <see cref="Reconciler"/>, never by sending again.
/// </summary>
internal sealed class WriteExecutor
{
    private readonly GenesysClient _client;
    private readonly Journal _journal;
    private readonly Reconciler _reconciler;
    private readonly SecretMasker _masker;
    private readonly TimeProvider _time;

    public WriteExecutor(GenesysClient client, Journal journal, Reconciler reconciler, SecretMasker masker, TimeProvider time)
    {
        _client = client;
        _journal = journal;
        _reconciler = reconciler;
        _masker = masker;
        _time = time;
    }

    /// <summary>Applies the write; returns its applied outcome or throws after journaling the failure.</summary>
    public async Task<JournalEntry> ExecuteAsync(PlannedWrite write, CancellationToken cancellationToken)
    {
        var intent = new JournalEntry
        {
            Seq = _journal.NextSeq(),
            Phase = JournalPhase.Intent,
            Kind = write.Kind.Name,
            Key = write.Key,
            Operation = write.Operation,
            Method = write.Method.Method,
            Path = write.Path,
            ObjectId = write.ObjectId,
            Body = write.Body,
            MemberIds = write.Sub is null ? null : write.MemberIds,
            PreImage = write.PreImage,
            PreFingerprint = write.PreFingerprint,
            Timestamp = Now(),
        };
        _journal.Append(intent);
        try
        {
            var response = await _client.SendAsync(write.Method, write.Path, write.Body, cancellationToken);
            return Record(Applied(intent, write, response as JObject));
        }
        catch (ResponseLostException lost)
        {
            Record(Outcome(intent, WriteStatus.Unknown, lost.Message));
            var settled = Record(await _reconciler.ReconcileAsync(intent, cancellationToken) with { Timestamp = Now() });
            return settled.Status == WriteStatus.Applied
                ? settled
                : throw new InvalidOperationException($"{write.Method} {write.Kind} '{write.Key}': no response, and reading shows it did not apply.", lost);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Record(Outcome(intent, WriteStatus.Failed, _masker.Apply(e.Message)));
            throw;
        }
    }

    private static JournalEntry Applied(JournalEntry intent, PlannedWrite write, JObject? response)
    {
        var outcome = Outcome(intent, WriteStatus.Applied, null);
        if (write.Sub is not null)
        {
            var before = MemberLists.Ids(write.PreImage);
            var after = write.Operation == WriteOperation.AddMembers ? before.Union(write.MemberIds) : before.Except(write.MemberIds);
            var image = MemberLists.Image(after);
            return outcome with { PostImage = image, PostFingerprint = Fingerprints.OfMembers(MemberLists.Ids(image)) };
        }

        return response is null || write.Operation == WriteOperation.Delete
            ? outcome
            : outcome with { ObjectId = (string?)response["id"] ?? write.ObjectId, PostImage = response, PostFingerprint = Fingerprints.OfObject(write.Kind, response) };
    }

    private static JournalEntry Outcome(JournalEntry intent, WriteStatus status, string? error) =>
        intent with { Phase = JournalPhase.Outcome, Body = null, PreImage = null, Status = status, Error = error };

    private JournalEntry Record(JournalEntry entry)
    {
        entry = entry with { Timestamp = Now() };
        _journal.Append(entry);
        return entry;
    }

    private string Now() => _time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
}
