using CxAsCode.Deployment;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Rollback;

/// <summary>
/// Undoing a flow's publish or delete: the content in the journal's pre-image (exported before the write) is
/// published again through an import job, byte for byte. A created flow is undone like any create: deleted.
/// </summary>
internal sealed partial class Compensator
{
    private FlowPublisher Flows => _flows ?? throw new InvalidOperationException("This rollback cannot publish flows.");

    /// <summary>A flow's update undone, once its guard allows: the content from before, kept in the journal, published again.</summary>
    private async Task<(WriteStatus, string)> RepublishAsync(JournalEntry write, CancellationToken cancellationToken)
    {
        var after = await Flows.PublishAsync(write.Key, (string)write.PreImage![FlowFields.Content]!, write.PostImage, cancellationToken);
        return (WriteStatus.Compensated, $"content from before republished (version {(string?)after["publishedVersion"]?["id"] ?? "unknown"})");
    }

    /// <summary>Why a flow's write cannot be undone (no content was exported before it), or null.</summary>
    private static (WriteStatus, string)? NoContent(ResourceKind kind, JournalEntry write) =>
        (string?)write.PreImage?[FlowFields.Content] is null
            ? (WriteStatus.CompensationFailed, $"{kind} '{write.Key}': the journal holds no content from before our write (the flow had none exported); restore it in Architect")
            : null;

    private async Task<(WriteStatus, string)> UndoFlowDeleteAsync(ResourceKind kind, JournalEntry write, DateTimeOffset since, CancellationToken cancellationToken)
    {
        if (NoContent(kind, write) is { } missing)
        {
            return missing;
        }

        var settled = await SettleAsync(since, async token =>
        {
            var found = await _reader.FindByKeyAsync(kind, write.Key, token);
            return found is null ? Settled(Verdict.Undo, "not there")
                : (string?)found["id"] == write.ObjectId ? Unclear($"the {kind} we deleted is still listed")
                : Stable(Verdict.Changed, "another flow with this type and name exists", Fingerprints.OfObject(kind, found));
        }, cancellationToken);
        switch (settled.Value.Verdict)
        {
            case Verdict.Changed:
                return Changed(kind, write, "a flow with this type and name exists again; check it by hand");
            case Verdict.Unclear:
                return Unknown(kind, write, settled);
        }

        var created = await Flows.PublishAsync(write.Key, (string)write.PreImage![FlowFields.Content]!, null, cancellationToken);
        return (WriteStatus.Compensated, $"republished from the journal's content (new id {(string?)created["id"]})");
    }
}
