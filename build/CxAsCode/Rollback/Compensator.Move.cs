using CxAsCode.Deployment;
using CxAsCode.Extraction;
using CxAsCode.Http;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Rollback;

/// <summary>Undoing a division move: move the object back, while it is still where we put it.</summary>
internal sealed partial class Compensator
{
    private async Task<(WriteStatus, string)> UndoMoveAsync(ResourceKind kind, JournalEntry write, DateTimeOffset since, AttemptCounter attempts, CancellationToken cancellationToken)
    {
        var settled = await SettleAsync(since, async token => SeeMoved(kind, write, await _reader.ReadStateAsync(kind, write.ObjectId!, token)), cancellationToken);
        switch (settled.Value.Verdict)
        {
            case Verdict.AlreadyUndone:
                return (WriteStatus.Compensated, "already in its division before");
            case Verdict.Changed:
                return Changed(kind, write, "move it to the division the journal records by hand if it should be there");
            case Verdict.Unclear:
                return Unknown(kind, write, settled);
        }

        var before = DivisionMoves.DivisionOf(write.PreImage)!;
        await SendAsync(kind, write, HttpMethod.Post, DivisionMoves.Path(before, kind.DivisionObjectType!), new JArray(write.ObjectId!), null, attempts, cancellationToken);
        return (WriteStatus.Compensated, "moved back");
    }

    private static Observation<GuardRead> SeeMoved(ResourceKind kind, JournalEntry write, LiveRead read)
    {
        if (!read.Exists)
        {
            return Stable(Verdict.Changed, $"{kind} '{write.Key}' is gone", "gone");
        }

        var division = DivisionMoves.DivisionOf(read.Object);
        if (division == DivisionMoves.TargetOf(write.Path!))
        {
            return Settled(Verdict.Undo, "where our move put it");
        }

        // Back in its old division is also what a read lagging behind our move shows: believe it once the window has passed.
        return division == DivisionMoves.DivisionOf(write.PreImage)
            ? Tentative(Verdict.AlreadyUndone, "already in its division before")
            : Stable(Verdict.Changed, "moved to a third division after our move", division ?? "none");
    }
}
