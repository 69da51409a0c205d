using System.Text;

namespace CxAsCode.Planning.Rendering;

/// <summary>
/// The plan as Markdown, for <c>artifacts/&lt;env&gt;/plan.md</c>, the GitHub step summary and PR comments:
/// a summary table, then per kind an overview table and a field table per changed object. Names and values
/// are escaped (see <see cref="MarkdownText"/>), so hostile names cannot break a table or inject HTML.
/// </summary>
public static class PlanMarkdownRenderer
{
    private const string Absent = "_absent_";

    /// <summary>Renders <paramref name="plan"/> as GitHub-flavoured Markdown; lines end in <c>\n</c>.</summary>
    public static string Render(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var output = new StringBuilder();
        var environment = MarkdownText.Escape(plan.Environment);
        Line(output, $"## Plan for {environment}");
        Line(output, string.Empty);
        var commit = plan.Commit is null ? "unknown" : MarkdownText.Escape(plan.Commit);
        Line(output, $"Commit {commit}, created {MarkdownText.Escape(plan.CreatedAt)}.");
        Line(output, string.Empty);

        var counts = PlanCounts.Of(plan);
        Line(output, "| " + string.Join(" | ", counts.Select(c => c.Label)) + " |");
        Line(output, "|" + string.Concat(counts.Select(_ => "---:|")));
        Line(output, "| " + string.Join(" | ", counts.Select(c => c.Count)) + " |");
        Line(output, string.Empty);
        Line(output, plan.HasChanges ? $"**Plan:** {plan.Summary}" : $"No changes. Live matches state/{environment}.");

        foreach (var kind in plan.Entries.GroupBy(e => e.Kind, StringComparer.Ordinal))
        {
            Line(output, string.Empty);
            Line(output, $"### {MarkdownText.Escape(kind.Key)}");
            Line(output, string.Empty);
            Overview(output, kind);
            foreach (var entry in kind.Where(e => e.Action != ChangeAction.Unmanaged))
            {
                Details(output, entry);
            }
        }

        return output.ToString();
    }

    private static void Overview(StringBuilder output, IEnumerable<PlanEntry> entries)
    {
        Line(output, "| action | name | changes |");
        Line(output, "|---|---|---|");
        foreach (var entry in entries)
        {
            var changes = entry.Action == ChangeAction.Unmanaged
                ? "live only, not touched (`--prune` deletes it)"
                : $"{entry.Changes.Count} field(s){(entry.ForceDelete ? "; `forceDelete` ends its conversations in progress" : string.Empty)}";
            Line(output, $"| {Action(entry.Action)} | {MarkdownText.Escape(entry.Key)} | {changes} |");
        }
    }

    private static void Details(StringBuilder output, PlanEntry entry)
    {
        Line(output, string.Empty);
        Line(output, $"#### {Action(entry.Action)} {MarkdownText.Escape(entry.Kind)}: {MarkdownText.Escape(entry.Key)}");
        if (entry.SourceFile is not null)
        {
            Line(output, string.Empty);
            Line(output, $"Source: {MarkdownText.Escape(entry.SourceFile)}");
        }

        if (entry.Action == ChangeAction.Replace)
        {
            Line(output, string.Empty);
            Line(output, "This kind has no update endpoint: the object is deleted, then created.");
        }

        if (entry.Changes.Count == 0)
        {
            return;
        }

        Line(output, string.Empty);
        Line(output, "| field | live | desired |");
        Line(output, "|---|---|---|");
        foreach (var change in entry.Changes)
        {
            Line(output, Row(change));
        }
    }

    private static string Row(FieldChange change)
    {
        var field = change.Path.Length == 0 ? "(whole object)" : MarkdownText.Escape(change.Path);
        var elements = ArrayChange.Of(change);
        if (elements is null)
        {
            return $"| {field} | {Cell(change.Before)} | {Cell(change.After)} |";
        }

        // Removed elements under live, added under desired: the rest of the array did not change.
        var live = change.Before is null ? Absent : Elements("-", elements.Removed);
        var desired = change.After is null ? Absent : Elements("+", elements.Added);
        return $"| {field} (elements) | {live} | {desired} |";
    }

    private static string Elements(string symbol, IReadOnlyList<Newtonsoft.Json.Linq.JToken> elements) =>
        elements.Count == 0 ? "(none)" : string.Join("<br>", elements.Select(e => $"{symbol} {MarkdownText.Code(e)}"));

    private static string Cell(Newtonsoft.Json.Linq.JToken? value) => value is null ? Absent : MarkdownText.Code(value);

    private static string Action(ChangeAction action) => $"{MarkdownText.Escape(ActionStyle.Symbol(action))} {ActionStyle.Verb(action)}";

    private static void Line(StringBuilder output, string text) => output.Append(text).Append('\n');
}
