using System.Text;
using CxAsCode.Resources;

namespace CxAsCode.Planning.Rendering;

/// <summary>
/// The plan as a terminal reads it, terraform-style: one line per object, its field changes indented
/// beneath. Every name, path and value is escaped onto one line (see <see cref="SafeText"/>), so a hostile
/// object name cannot forge log lines, workflow commands or terminal escape codes.
/// </summary>
public static class PlanConsoleRenderer
{
    private const string EntryIndent = "  ";
    private const string ChangeIndent = "      ";
    private const string ElementIndent = "          ";

    /// <summary>Renders <paramref name="plan"/> for a console; lines end in <c>\n</c>.</summary>
    /// <param name="plan">The plan to show.</param>
    /// <param name="color">Whether to add ANSI colours (green create, yellow update, red delete, cyan replace, dim unmanaged).</param>
    public static string Render(Plan plan, bool color)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var output = new StringBuilder();
        var environment = SafeText.Escape(plan.Environment);
        var commit = plan.Commit is null ? "unknown" : SafeText.Escape(plan.Commit);
        Line(output, Paint($"Plan for {environment} at commit {commit} (created {SafeText.Escape(plan.CreatedAt)})", ActionStyle.Bold, color));
        Line(output, string.Empty);

        foreach (var kind in plan.Entries.GroupBy(e => e.Kind, StringComparer.Ordinal))
        {
            Line(output, Paint(SafeText.Escape(kind.Key), ActionStyle.Bold, color));
            foreach (var entry in kind)
            {
                RenderEntry(output, entry, color);
            }

            Line(output, string.Empty);
        }

        if (plan.HasChanges)
        {
            Line(output, Paint($"Plan: {plan.Summary}", ActionStyle.Bold, color));
            return output.ToString();
        }

        var unmanaged = plan.Count(ChangeAction.Unmanaged);
        if (unmanaged > 0)
        {
            Line(output, Paint($"{unmanaged} live object(s) not in state/{environment} left alone (--prune deletes them).", ActionStyle.Dim, color));
        }

        Line(output, $"No changes. Live matches state/{environment}.");
        return output.ToString();
    }

    private static void RenderEntry(StringBuilder output, PlanEntry entry, bool color)
    {
        var head = $"{ActionStyle.Symbol(entry.Action)} {ActionStyle.Verb(entry.Action)} {SafeText.Escape(entry.Kind)} {SafeText.Quote(entry.Key)}";
        var note = entry.Action switch
        {
            ChangeAction.Replace => " (no update endpoint: delete, then create)",
            ChangeAction.Restore => " (deleted in the org: restored with its id, then updated)",
            ChangeAction.Delete when ResourceKinds.ByName(entry.Kind).Restorable => " (soft delete: state becomes deleted; Restore can bring it back with its id)",
            ChangeAction.Unmanaged => " (live only, not touched; --prune deletes it)",
            ChangeAction.Delete when entry.ForceDelete => " (forceDelete: ends its conversations in progress)",
            _ => string.Empty,
        };
        Line(output, EntryIndent + Paint(head + note, ActionStyle.Color(entry.Action), color));
        if (entry.Action == ChangeAction.Unmanaged)
        {
            return;
        }

        foreach (var change in entry.Changes)
        {
            RenderChange(output, change, color);
        }
    }

    private static void RenderChange(StringBuilder output, FieldChange change, bool color)
    {
        var path = change.Path.Length == 0 ? "(whole object)" : SafeText.Escape(change.Path);
        var symbol = change.Before is null ? '+' : change.After is null ? '-' : '~';
        var elements = ArrayChange.Of(change);
        if (elements is not null)
        {
            Line(output, ChangeIndent + Paint($"{symbol} {path}:", ActionStyle.Color(symbol), color));
            foreach (var removed in elements.Removed)
            {
                Line(output, ElementIndent + Paint($"- {JsonValueText.Format(removed)}", ActionStyle.Red, color));
            }

            foreach (var added in elements.Added)
            {
                Line(output, ElementIndent + Paint($"+ {JsonValueText.Format(added)}", ActionStyle.Green, color));
            }

            return;
        }

        var text = (change.Before, change.After) switch
        {
            (null, { } after) => $"+ {path}: {JsonValueText.Format(after)}",
            ({ } before, null) => $"- {path}: {JsonValueText.Format(before)}",
            ({ } before, { } after) => $"~ {path}: {JsonValueText.Format(before)} → {JsonValueText.Format(after)}",
            _ => $"~ {path}",
        };
        Line(output, ChangeIndent + Paint(text, ActionStyle.Color(symbol), color));
    }

    private static string Paint(string text, string ansi, bool color) => color ? ansi + text + ActionStyle.Reset : text;

    // Always LF: the text goes to logs and files, not only to this machine's console.
    private static void Line(StringBuilder output, string text) => output.Append(text).Append('\n');
}
