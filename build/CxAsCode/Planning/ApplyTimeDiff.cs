using CxAsCode.Json;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Planning;

/// <summary>
/// A saved plan's field diffs, recomputed from its desired bodies against the org as it is now. What a
/// deploy of a saved plan prints is this, never the diff text stored in the file: the stored text is only
/// protected by a hash that anyone who can edit the file can recompute, so it may not say what the desired
/// bodies would do.
/// </summary>
internal static class ApplyTimeDiff
{
    /// <returns>The plan with each entry's changes recomputed, and the entries whose stored changes said otherwise.</returns>
    public static (Plan Plan, IReadOnlyList<PlanEntry> Differing) Compute(Plan saved, LiveSnapshot live)
    {
        var differing = new List<PlanEntry>();
        var entries = new List<PlanEntry>(saved.Entries.Count);
        foreach (var entry in saved.Entries)
        {
            if (!entry.IsWrite || ResourceKinds.All.FirstOrDefault(k => k.Name == entry.Kind) is not { } kind)
            {
                entries.Add(entry); // unmanaged entries change nothing; an unknown kind is refused by validation
                continue;
            }

            var current = live.ByKey(kind, entry.Key)?.Body;
            var changes = entry.Action switch
            {
                ChangeAction.Restore => [new FieldChange("state", JValue.CreateString("deleted"), JValue.CreateString("active")), .. PlanDiff.Between(kind, live.DeletedByKey(kind, entry.Key)?.Body, entry.Desired)],
                ChangeAction.Create => PlanDiff.Between(kind, null, entry.Desired),
                ChangeAction.Delete => PlanDiff.Between(kind, current, null),
                _ => PlanDiff.Between(kind, current, entry.Desired),
            };
            if (!Same(changes, entry.Changes))
            {
                differing.Add(entry);
            }

            entries.Add(entry with { Changes = changes });
        }

        return (new Plan
        {
            Environment = saved.Environment,
            OrgId = saved.OrgId,
            ApiHost = saved.ApiHost,
            CreatedAt = saved.CreatedAt,
            Commit = saved.Commit,
            Entries = entries,
            Unchanged = saved.Unchanged,
        }, differing);
    }

    private static bool Same(IReadOnlyList<FieldChange> a, IReadOnlyList<FieldChange> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Path == p.Second.Path && Text(p.First.Before) == Text(p.Second.Before) && Text(p.First.After) == Text(p.Second.After));

    private static string Text(Newtonsoft.Json.Linq.JToken? token) => token is null ? "absent" : CanonicalJson.Compact(token);
}
