using CxAsCode.Deployment;

namespace CxAsCode.Pipeline;

/// <summary>What a journal says about the org, for deciding between "refused" (exit 1) and "rolled back" (exit 3).</summary>
internal static class JournalFacts
{
    /// <summary>
    /// True when some write applied or may have (sent with no outcome yet, or an unknown one): only then is
    /// there anything to roll back. Writes the API refused changed nothing.
    /// </summary>
    public static bool MayHaveChangedTheOrg(IEnumerable<JournalEntry> entries)
    {
        var list = entries.ToList();
        return list.Where(e => e.Phase == JournalPhase.Intent)
            .Select(intent => list.LastOrDefault(e => e.Seq == intent.Seq && e.Phase == JournalPhase.Outcome)?.Status)
            .Any(status => status is null or WriteStatus.Applied or WriteStatus.Unknown);
    }
}
