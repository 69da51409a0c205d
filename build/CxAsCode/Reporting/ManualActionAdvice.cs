using CxAsCode.Deployment;

namespace CxAsCode.Reporting;

/// <summary>For a compensation rollback could not do: what a person should check, in words they can act on.</summary>
internal static class ManualActionAdvice
{
    /// <param name="compensation">What rollback could not do.</param>
    /// <param name="journal">The journal's path from the repository root, as a person types it.</param>
    public static string For(Compensation compensation, string journal)
    {
        ArgumentNullException.ThrowIfNull(compensation);
        ArgumentException.ThrowIfNullOrEmpty(journal);
        var wrote = compensation.Undid switch
        {
            WriteOperation.Create => "We created it; if nobody else needs it now, delete it.",
            WriteOperation.Update => $"We updated it; its pre-image is in {journal}.",
            WriteOperation.Delete => $"We deleted it; recreate it from the pre-image in {journal}.",
            WriteOperation.AddMembers => "We added entries to its list; remove them if they should not stay.",
            WriteOperation.RemoveMember => "We removed an entry from its list; add it back if it should stay.",
            WriteOperation.MoveDivision => $"We moved it to another division; its division before is in {journal}.",
            WriteOperation.Unlock => "We unlocked it (--force-unlock); its holder's unsaved changes are gone.",
            _ => $"See {journal}.",
        };
        var why = compensation.Status switch
        {
            WriteStatus.ChangedSince =>
                "Someone changed it after our write, so rollback left it alone: compare live with the journal and decide which version to keep.",
            WriteStatus.CompensationFailed =>
                $"The compensation failed: fix the cause, then retry with ./build.sh --target=Rollback --journal={journal}.",
            _ => "Its state is unknown: read it live and compare with the journal before doing anything.",
        };
        return $"{why} {wrote}";
    }
}
