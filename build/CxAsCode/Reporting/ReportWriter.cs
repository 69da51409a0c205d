using System.Text;

namespace CxAsCode.Reporting;

/// <summary>Writes a run's report: <c>report.json</c> for machines and <c>report.md</c> for people.</summary>
public static class ReportWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <c>report.json</c> and <c>report.md</c> into <paramref name="folder"/>, creating it when needed.</summary>
    /// <param name="folder">Usually <c>artifacts/&lt;env&gt;/&lt;run-id&gt;</c>.</param>
    /// <param name="report">What the run did.</param>
    public static void Write(string folder, RunReport report)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "report.json"), RunReportJson.Render(report), Utf8);
        File.WriteAllText(Path.Combine(folder, "report.md"), RenderMarkdown(report), Utf8);
    }

    /// <summary>The report as Markdown: outcome, exit code meaning, compensations, manual actions, validation errors.</summary>
    public static string RenderMarkdown(RunReport report) => RunReportMarkdown.Render(report);
}
