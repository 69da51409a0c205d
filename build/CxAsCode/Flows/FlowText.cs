using System.Text.RegularExpressions;

namespace CxAsCode.Flows;

/// <summary>
/// The text-level rules for a flow file: one form whatever editor wrote it (no BOM, LF line ends, leading tabs as
/// two spaces each — YAML forbids tabs in indentation, some editors insert them), and the <c>{{key}}</c>
/// placeholders Archy and the Terraform provider use for per-environment values, which stay in state and are
/// filled from <c>mappings/&lt;env&gt;.json</c> <c>values</c> when a flow is deployed.
/// </summary>
public static partial class FlowText
{
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var tabs = lines[i].Length - lines[i].TrimStart('\t').Length;
            if (tabs > 0)
            {
                lines[i] = new string(' ', tabs * 2) + lines[i][tabs..];
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary>Every <c>{{key}}</c> with its 1-based line and column.</summary>
    public static IReadOnlyList<(string Key, int Line, int Column)> Placeholders(string text)
    {
        var found = new List<(string, int, int)>();
        var lines = Normalize(text).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (Match match in Placeholder().Matches(lines[i]))
            {
                found.Add((match.Groups[1].Value, i + 1, match.Index + 1));
            }
        }

        return found;
    }

    /// <summary>The text with each placeholder replaced by its value; a key without one is left as it is
    /// (Validate reports it first, with its line and column).</summary>
    public static string Substitute(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(Normalize(text), match => values.TryGetValue(match.Groups[1].Value, out var value) ? value : match.Value);

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
