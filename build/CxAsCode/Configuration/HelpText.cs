using System.Text;
using CxAsCode.Reporting;

namespace CxAsCode.Configuration;

/// <summary>
/// <c>./build.sh --help</c> and the README's tables, both made from the engine's tables (targets,
/// arguments, environment variables, exit codes), so neither can drift from what the code does.
/// </summary>
public static class HelpText
{
    private const int Width = 100;
    private const int Indent = 26;

    /// <summary>The console help: plain text, no colour, no Markdown.</summary>
    public static string Render()
    {
        var text = new StringBuilder();
        text.Append("CX as Code for Genesys Cloud: the configuration in state/<env> applied to an org, safely.\n\n");
        text.Append("Usage: ./build.sh --target=<target> [--<argument>=<value> ...]   (./build.ps1 on Windows)\n\n");
        text.Append($"Targets (default {PipelineTargets.Default}):\n");
        foreach (var target in PipelineTargets.All)
        {
            var after = target.DependsOn is null ? string.Empty : $" Runs after {target.DependsOn}.";
            Entry(text, target.Name, Plain(target.Description) + after);
        }

        text.Append("\nArguments:\n");
        foreach (var argument in ArgumentTable.All)
        {
            var facts = $"{argument.Accepts}{(argument.Default is null ? string.Empty : $"; default {argument.Default}")}; used by {argument.UsedByText}";
            Entry(text, argument.Usage, $"{Plain(argument.Help)}.\n{facts}.");
        }

        text.Append("\nEnvironment variables:\n");
        foreach (var variable in EnvironmentVariables.All)
        {
            Entry(text, string.Join(", ", variable.Names), Plain(variable.Help) + ".");
        }

        text.Append("\nExit codes:\n");
        foreach (var (code, meaning) in ExitCodes.All)
        {
            Entry(text, code.ToString(System.Globalization.CultureInfo.InvariantCulture), Plain(meaning) + ".");
        }

        text.Append("\nCake's own options work as usual: --verbosity=<level>, --tree, --description, --dryrun (lists the\n");
        text.Append("tasks a target would run, runs none), --no-report. ./build.sh --cake-help shows them all.\n");
        return text.ToString();
    }

    /// <summary>The README's Targets table.</summary>
    public static string TargetsMarkdown() => Table(
        ["target", "does", "depends on"],
        PipelineTargets.All.Select(t => new[]
        {
            $"`{t.Name}`{(t.Name == PipelineTargets.Default ? " (default)" : string.Empty)}",
            t.Description,
            t.DependsOn is null ? string.Empty : $"`{t.DependsOn}`",
        }));

    /// <summary>The README's Arguments table.</summary>
    public static string ArgumentsMarkdown() => Table(
        ["argument", "takes", "default", "used by", "meaning"],
        ArgumentTable.All.Select(a => new[]
        {
            $"`{a.Usage}`",
            a.Kind switch
            {
                ArgumentKind.Flag => "`true`/`false` or nothing",
                ArgumentKind.Number when a.Maximum == int.MaxValue => $"a number ≥ {a.Minimum}",
                ArgumentKind.Number => $"a number {a.Minimum}–{a.Maximum}",
                _ => a.Accepts,
            },
            a.Default is null ? string.Empty : $"`{a.Default}`",
            a.UsedByText,
            a.Help,
        }));

    /// <summary>The README's Environment variables table.</summary>
    public static string EnvironmentVariablesMarkdown() => Table(
        ["variable", "meaning"],
        EnvironmentVariables.All.Select(v => new[] { string.Join(", ", v.Names.Select(n => $"`{n}`")), v.Help }));

    /// <summary>The README's Exit codes table.</summary>
    public static string ExitCodesMarkdown() => Table(
        ["code", "meaning"],
        ExitCodes.All.Select(c => new[] { c.Code.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Meaning }));

    private static string Table(string[] header, IEnumerable<string[]> rows)
    {
        var table = new StringBuilder();
        table.Append("| ").AppendJoin(" | ", header).Append(" |\n");
        table.Append('|').AppendJoin('|', header.Select(_ => "---")).Append("|\n");
        foreach (var row in rows)
        {
            // A pipe inside a cell would split it; none of the tables holds one, but keep it so.
            table.Append("| ").AppendJoin(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))).Append(" |\n");
        }

        return table.ToString();
    }

    /// <summary>A name, then its text wrapped at <see cref="Width"/> in a column of its own.</summary>
    private static void Entry(StringBuilder text, string name, string description)
    {
        var lines = description.Split('\n').SelectMany(paragraph => Wrap(paragraph, Width - Indent)).ToList();
        var head = "  " + name;
        if (head.Length >= Indent - 1)
        {
            // A name wider than its column gets its text on the lines below.
            text.Append(head).Append('\n');
            head = string.Empty;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            text.Append((i == 0 ? head : string.Empty).PadRight(Indent)).Append(lines[i]).Append('\n');
        }
    }

    private static IEnumerable<string> Wrap(string paragraph, int width)
    {
        var line = new StringBuilder();
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }

    private static string Plain(string markdown) => markdown.Replace("`", string.Empty, StringComparison.Ordinal);
}
