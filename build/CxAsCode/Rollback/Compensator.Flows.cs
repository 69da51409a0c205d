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

    private async Task<(WriteStatus, string)> UndoFlowPublishAsync(ResourceKind kind, JournalEntry write, DateTimeOffset since, RollbackContext context, CancellationToken cancellationToken)
    {
        if ((string?)write.PreImage?[FlowFields.Content] is not { } content)
        {
            return (WriteStatus.CompensationFailed, $"{kind} '{write.Key}': the journal holds no content from before our publish (the flow had none exported); republish its previous version in Architect");
        }

        var settled = await SettleAsync(since, async token => SeeUpdated(kind, write, await _reader.ReadStateAsync(kind, write.ObjectId!, token), context), cancellationToken);
        switch (settled.Value.Verdict)
        {
            case Verdict.AlreadyUndone:
                return (WriteStatus.Compensated, "already as before");
            case Verdict.Changed:
                return Changed(kind, write, "compare it with the pre-image in the journal");
            case Verdict.Unclear:
                return Unknown(kind, write, settled);
        }

        var after = await Flows.PublishAsync(write.Key, content, write.PostImage, cancellationToken);
        return (WriteStatus.Compensated, $"content from before republished (version {(string?)after["publishedVersion"]?["id"] ?? "unknown"})");
    }

    private async Task<(WriteStatus, string)> UndoFlowDeleteAsync(ResourceKind kind, JournalEntry write, DateTimeOffset since, CancellationToken cancellationToken)
    {
        if ((string?)write.PreImage?[FlowFields.Content] is not { } content)
        {
            return (WriteStatus.CompensationFailed, $"{kind} '{write.Key}': the journal holds no content for the deleted flow; restore it in Architect");
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

        var created = await Flows.PublishAsync(write.Key, content, null, cancellationToken);
        return (WriteStatus.Compensated, $"republished from the journal's content (new id {(string?)created["id"]})");
    }
}
