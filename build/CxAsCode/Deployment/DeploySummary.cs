using CxAsCode.Planning;

namespace CxAsCode.Deployment;

/// <summary>
/// The deploy's closing line, with counts that add up: planned changes versus writes (a change can take
/// more than one write: a queue and its wrap-up codes), and how the writes ended.
/// </summary>
internal static class DeploySummary
{
    /// <param name="changes">The plan's changes.</param>
    /// <param name="sentPerChange">Writes sent for each change that sent any.</param>
    /// <param name="tally">How the writes ended.</param>
    public static string Describe(IReadOnlyCollection<PlanEntry> changes, IReadOnlyDictionary<PlanEntry, int> sentPerChange, WriteTally tally)
    {
        var text = $"{Count(changes.Count, "change")}, {Count(tally.Sent, "write")}";
        var finished = tally.Of(WriteResult.Failed) == 0 && tally.Of(WriteResult.Unknown) == 0 && sentPerChange.Count == changes.Count;
        if (!finished)
        {
            var results = new List<string> { $"{tally.Applied} applied" };
            results.AddRange(new[] { WriteResult.Failed, WriteResult.Unknown }.Where(r => tally.Of(r) > 0).Select(r => $"{tally.Of(r)} {r.ToString().ToLowerInvariant()}"));
            text += $" ({string.Join(", ", results)})";
            if (changes.Count > sentPerChange.Count)
            {
                text += $"; {changes.Count - sentPerChange.Count} of the changes not started";
            }
        }

        if (tally.Of(WriteResult.Settled) > 0)
        {
            text += $"; {tally.Of(WriteResult.Settled)} settled by reading after a lost response";
        }

        var several = sentPerChange.Where(p => p.Value > 1).OrderBy(p => p.Key.Kind, StringComparer.Ordinal).ThenBy(p => p.Key.Key, StringComparer.Ordinal).ToList();
        if (several.Count == 0)
        {
            return text;
        }

        var which = several.Count <= 3
            ? string.Join("; ", several.Select(p => $"{Gerund(p.Key.Action)} {p.Key.Kind} '{p.Key.Key}' takes {p.Value}{(p.Key.Action == ChangeAction.Replace ? " (a delete and a create)" : string.Empty)}"))
            : $"{several.Count} changes take more than one write each";
        var why = several.Any(p => p.Key.Action != ChangeAction.Replace) ? ": member lists, such as a queue's wrap-up codes, are written apart from their object" : string.Empty;
        return $"{text} ({which}{why})";
    }

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? string.Empty : "s")}";

    private static string Gerund(ChangeAction action) => action switch
    {
        ChangeAction.Create => "creating",
        ChangeAction.Update => "updating",
        ChangeAction.Restore => "restoring",
        ChangeAction.Replace => "replacing",
        _ => "deleting",
    };
}
