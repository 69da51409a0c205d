using System.Text;

namespace CxAsCode.Planning.Rendering;

/// <summary>
/// Untrusted text made literal for GitHub-flavoured Markdown: on one line (see <see cref="SafeText"/>),
/// HTML characters as entities, and the characters Markdown reads as syntax (table pipes, code, emphasis,
/// links, math) backslash-escaped. A hostile name then shows as itself and cannot split a table row,
/// open a code span or inject HTML into a step summary or PR comment.
/// </summary>
internal static class MarkdownText
{
    public static string Escape(string text) => EscapeSafe(SafeText.Escape(text));

    /// <summary>A JSON value as inline code, cut to <see cref="JsonValueText.MaxLength"/>.</summary>
    public static string Code(Newtonsoft.Json.Linq.JToken value) => $"<code>{EscapeSafe(JsonValueText.Format(value))}</code>";

    // For text already on one line: escapes each character on its own, so an escape never pairs with
    // the character before it.
    private static string EscapeSafe(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '\\' or '`' or '|' or '*' or '_' or '[' or ']' or '~' or '#' or '$' => builder.Append('\\').Append(c),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }
}
