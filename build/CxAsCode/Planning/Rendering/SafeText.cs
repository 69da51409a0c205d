using System.Globalization;
using System.Text;
using Newtonsoft.Json;

namespace CxAsCode.Planning.Rendering;

/// <summary>
/// Makes untrusted text (object names, field names, values) safe to print on one line. Names come from
/// whoever can edit the org, so a name must never start a new line (a CI log would read a following
/// <c>::set-output</c> as a workflow command) nor carry terminal escape codes or bidi overrides that make
/// the text read differently from what it is.
/// </summary>
internal static class SafeText
{
    /// <summary>Control characters, line and paragraph separators and bidi controls as <c>\n</c>, <c>\u001b</c>….</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                // A well-formed pair (emoji) passes through whole.
                builder?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (!NeedsEscape(c))
            {
                builder?.Append(c);
                continue;
            }

            builder ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
            builder.Append(c switch
            {
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                _ => @"\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
            });
        }

        return builder?.ToString() ?? text;
    }

    /// <summary>The text as a JSON string literal (<c>"Heat Pump Advice"</c>), escaped as <see cref="Escape"/> does.</summary>
    public static string Quote(string text) => Escape(JsonConvert.ToString(text));

    /// <summary>At most <paramref name="max"/> characters, ending in an ellipsis when cut; never splits an emoji.</summary>
    public static string Truncate(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut), "…");
    }

    private static bool NeedsEscape(char c) =>
        char.IsControl(c)
        || char.IsSurrogate(c) // a lone half of a pair: not valid text on its own
        || c is '\u2028' or '\u2029' // line and paragraph separators: some viewers break lines on them
        || c is '\u061c' or '\u200e' or '\u200f' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069'); // bidi controls
}
