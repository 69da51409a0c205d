using CxAsCode.Http;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Deployment;

/// <summary>
/// Sends one write with the journal around it: the intent (with the pre-image) is on disk before the
/// request leaves, the outcome (with the post-fingerprint rollback guards on) right after. A lost response
/// is recorded as unknown and settled by <see cref="Reconciler"/>, never by sending again. Each write ends
/// with one line saying how: applied, settled (after a lost response), failed or unknown, with its attempts
/// when it took more than one.
/// </summary>
internal sealed class WriteExecutor
{
    private readonly PatientSender _sender;
    private readonly Journal _journal;
    private readonly Reconciler _reconciler;
    private readonly SecretMasker _masker;
    private readonly TimeProvider _time;
    private readonly Action<string> _report;
    private readonly FlowPublisher? _flows;
    private readonly UserWriter _users;

    public WriteExecutor(PatientSender sender, Journal journal, Reconciler reconciler, SecretMasker masker, TimeProvider time, Action<string> report, FlowPublisher? flows = null)
    {
        _flows = flows;
        _sender = sender;
        _users = new UserWriter(sender);
        _journal = journal;
        _reconciler = reconciler;
        _masker = masker;
        _time = time;
        _report = report;
    }

    /// <summary>The results so far, for the closing line.</summary>
    public WriteTally Tally { get; } = new();

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
        var attempts = new AttemptCounter();
        try
        {
            var response = write.Kind.IsFlow && write.Operation is WriteOperation.Create or WriteOperation.Update
                ? await Flows.PublishAsync(write.Key, (string)write.Body![FlowFields.Yaml]!, write.PreImage, cancellationToken)
                : write.Kind.IsUser && write.Operation is WriteOperation.Create or WriteOperation.Update or WriteOperation.Restore
                ? await _users.ApplyAsync(write.Kind, write.Key, write.ObjectId, (JObject)write.Body!, write.PreImage, attempts, cancellationToken)
                : await _sender.SendAsync(write.Kind, write.Key, write.Method, write.Path, write.Body, write.OwnerCreatedAt, attempts, cancellationToken);
            var applied = Record(Applied(intent, write, response as JObject));
            Report(WriteResult.Applied, write, attempts, null);
            return applied;
        }
        catch (ResponseLostException lost)
        {
            Record(Outcome(intent, WriteStatus.Unknown, _masker.Apply(lost.Message)));
            _report($"Deploy: no response to {Describe(write)}; reading until it shows (up to {_sender.Window.Describe()}), never sending it again.");
            var settled = Record(await _reconciler.ReconcileAsync(intent, cancellationToken));
            var result = settled.Status switch
            {
                WriteStatus.Applied => WriteResult.Settled,
                WriteStatus.Unknown => WriteResult.Unknown,
                _ => WriteResult.Failed,
            };
            Report(result, write, attempts, result == WriteResult.Settled ? "applied: found by reading after its response was lost" : settled.Error);
            return result == WriteResult.Settled
                ? settled
                : throw new InvalidOperationException($"{write.Method} {write.Kind} '{write.Key}': no response, and {(result == WriteResult.Unknown ? settled.Error : "reading shows it did not apply")}.", lost);
        }
        catch (PartiallyAppliedException partial)
        {
            // Part of a user's write applied: recorded as applied (with what did), so a rollback undoes that part.
            var reason = _masker.Apply(partial.Message);
            Record(Applied(intent, write, partial.After) with { Error = reason });
            Report(WriteResult.Failed, write, attempts, reason);
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var reason = _masker.Apply(e.Message);
            Record(Outcome(intent, WriteStatus.Failed, reason));
            Report(WriteResult.Failed, write, attempts, reason);
            throw;
        }
    }

    private FlowPublisher Flows => _flows ?? throw new InvalidOperationException("This deploy cannot publish flows.");

    private void Report(WriteResult result, PlannedWrite write, AttemptCounter attempts, string? detail)
    {
        Tally.Add(result);
        // A user's write is several requests by design (fields, skills, languages): counted as requests, not retries.
        var tries = attempts.Count <= 1 ? string.Empty : write.Kind.IsUser ? $" ({attempts.Count} requests)" : $" ({attempts.Count} attempts)";
        _report($"Deploy: {result.ToString().ToLowerInvariant(),-8} {Describe(write)}{tries}{(detail is null ? string.Empty : ": " + detail)}");
    }

    /// <summary>"PUT queues 'Billing Support'", "POST queues 'Payments' +1 wrapupCodes".</summary>
    private static string Describe(PlannedWrite write)
    {
        var members = write.Sub is null
            ? string.Empty
            : $" {(write.Operation == WriteOperation.AddMembers ? '+' : '-')}{write.MemberIds.Count} {write.Sub.Field}";
        return $"{write.Method.Method,-6} {write.Kind} '{write.Key}'{members}";
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

    private string Now() => JournalTimes.Format(_time.GetUtcNow());
}
