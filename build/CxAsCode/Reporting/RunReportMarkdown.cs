using System.Text;
using CxAsCode.Deployment;
using CxAsCode.Planning.Rendering;

namespace CxAsCode.Reporting;

/// <summary><c>report.md</c>: the run for the people who have to act on it. Untrusted text is escaped.</summary>
internal static class RunReportMarkdown
{
    public static string Render(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var output = new StringBuilder();
        Line(output, $"## {Text(report.Target)} on {Text(report.Environment)}");
        Line(output, string.Empty);
        Line(output, $"**Outcome:** {Text(RunOutcome.Describe(report))}");
        Line(output, string.Empty);
        Line(output, "| | |");
        Line(output, "|---|---|");
        Line(output, $"| exit code | {report.ExitCode}: {Text(RunOutcome.ExitCodeMeaning(report.ExitCode))} |");
        Line(output, $"| environment | {Text(report.Environment)} |");
        Line(output, $"| target | {Text(report.Target)} |");
        Line(output, $"| run | {Text(report.RunId)} |");
        Line(output, $"| commit | {(report.Commit is null ? "unknown" : Text(report.Commit))} |");
        Line(output, $"| started | {Text(report.StartedAt)} |");
        Line(output, $"| finished | {Text(report.FinishedAt)} |");

        if (report.Error is not null)
        {
            Section(output, "Error");
            Line(output, Text(report.Error));
        }

        if (report.Plan is { } plan)
        {
            Section(output, "Plan");
            Line(output, plan.HasChanges ? $"**Plan:** {plan.Summary}" : $"No changes. Live matches state/{Text(plan.Environment)}.");
        }

        if (report.DeployResult is { } deploy)
        {
            Deploy(output, deploy, report.JournalPath);
        }

        List(output, "Validation errors", report.ValidationErrors.Select(e => $"{Text(e.File)} {Text(e.JsonPath)}: {Text(e.Message)}"));
        if (report.SyncResult is { } sync)
        {
            Section(output, "Sync");
            Line(output, $"state/{Text(report.Environment)}: {sync}.");
        }

        List(output, "Warnings", report.Warnings.Select(Text));
        return output.ToString();
    }

    private static void Deploy(StringBuilder output, DeployResult deploy, string journal)
    {
        Section(output, "Deploy");
        Line(output, $"Status: {deploy.Status}. Applied {deploy.Applied} of {deploy.Planned} planned write(s).");
        if (deploy.Failure is not null)
        {
            Line(output, string.Empty);
            Line(output, $"Failure: {Text(deploy.Failure)}");
        }

        if (deploy.JournalPath is not null)
        {
            Line(output, string.Empty);
            Line(output, $"Journal: {Text(deploy.JournalPath)}");
        }

        if (deploy.Rollback is not { } rollback)
        {
            return;
        }

        Section(output, "Rollback");
        Line(output, rollback.IsComplete ? "Every applied write was undone, newest first:" : "Compensations, newest write first (not all succeeded):");
        Line(output, string.Empty);
        Line(output, "| seq | kind | name | undid | result | detail |");
        Line(output, "|---:|---|---|---|---|---|");
        foreach (var c in rollback.Compensations)
        {
            Line(output, $"| {c.Seq} | {Text(c.Kind)} | {Text(c.Key)} | {c.Undid} | {c.Status} | {Text(c.Detail)} |");
        }

        List(output, "Manual action needed", rollback.ManualActions.Select(c =>
            $"**{Text(c.Kind)} {Text(c.Key)}** (write {c.Seq}, {c.Undid}, {c.Status}): {Text(ManualActionAdvice.For(c, journal))}"));
    }

    private static void List(StringBuilder output, string title, IEnumerable<string> items)
    {
        var lines = items.ToList();
        if (lines.Count == 0)
        {
            return;
        }

        Section(output, title);
        foreach (var item in lines)
        {
            Line(output, $"- {item}");
        }
    }

    private static void Section(StringBuilder output, string title)
    {
        Line(output, string.Empty);
        Line(output, $"### {title}");
        Line(output, string.Empty);
    }

    private static string Text(string text) => MarkdownText.Escape(text);

    private static void Line(StringBuilder output, string text) => output.Append(text).Append('\n');
}
