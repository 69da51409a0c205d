namespace CxAsCode.Deployment;

/// <summary>What a journal file holds, as <see cref="JournalFile.Read"/> found it.</summary>
/// <param name="Header">The first line; null when the file has none (written before journals had one, or torn while writing it).</param>
/// <param name="Entries">Every complete entry, in file order.</param>
public sealed record JournalContent(JournalHeader? Header, IReadOnlyList<JournalEntry> Entries)
{
    /// <summary>The 1-based line that the process was killed while writing (not terminated, not JSON), if any.</summary>
    public int? TornLine { get; init; }

    /// <summary>Where the torn line starts, in bytes: new entries go there, never behind the fragment.</summary>
    public long TornOffset { get; init; }

    /// <summary>The torn fragment's length in bytes.</summary>
    public long TornLength { get; init; }

    /// <summary>The last line is complete JSON but its newline was never written.</summary>
    public bool LastLineUnterminated { get; init; }

    /// <summary>Intents with no outcome: the write may or may not have reached the org, so it is settled by reading.</summary>
    public IEnumerable<JournalEntry> PendingIntents =>
        Entries.Where(e => e.Phase == JournalPhase.Intent && !Entries.Any(o => o.Seq == e.Seq && o.Phase == JournalPhase.Outcome));

    /// <summary>
    /// A rollback began (some compensation is journaled) and some write it had to undo is not undone yet:
    /// a compensation failed, was refused, or the rollback stopped part-way.
    /// </summary>
    public bool HasIncompleteRollback
    {
        get
        {
            if (!Entries.Any(e => e.Phase == JournalPhase.Compensation))
            {
                return false;
            }

            var applied = Entries.Where(e => e.Phase == JournalPhase.Intent)
                .Select(e => e.Seq)
                .Where(seq => Entries.LastOrDefault(e => e.Seq == seq && e.Phase == JournalPhase.Outcome)?.Status == WriteStatus.Applied);
            return applied.Any(seq => Entries.LastOrDefault(e => e.Seq == seq && e.Phase == JournalPhase.Compensation)?.Status != WriteStatus.Compensated);
        }
    }
}
