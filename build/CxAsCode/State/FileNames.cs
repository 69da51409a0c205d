using System.Security.Cryptography;
using System.Text;

namespace CxAsCode.State;

/// <summary>
/// Turns an object's name into a safe file name: lower-case ASCII letters, digits and single dashes.
/// Whatever a name holds (<c>..</c>, slashes, control characters, emoji, reserved device names) cannot
/// escape the folder or upset a file system.
/// </summary>
internal static class FileNames
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
        "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    };

    /// <summary>The file stem for a name: <c>Billing Support</c> → <c>billing-support</c>.</summary>
    public static string StemFor(string name)
    {
        var builder = new StringBuilder(name.Length);
        // No Unicode normalization: its result depends on the process's globalization mode (ICU or
        // invariant), and a file name must be the same in the Cake host and in tests. Non-ASCII is dropped
        // and the hash suffix below keeps such names apart.
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var stem = builder.ToString().Trim('-');
        if (stem.Length > 80)
        {
            stem = stem[..80].TrimEnd('-');
        }

        if (!IsPlain(name) || Reserved.Contains(stem))
        {
            // The stem lost information (punctuation, non-ASCII, length) or is a reserved device name: a
            // short hash of the exact name keeps two such names from ever sharing a file.
            stem = (stem.Length == 0 ? "object" : stem) + "-" + ShortHash(name);
        }

        return stem;
    }

    /// <summary>
    /// A flow's folder name: the stem without the hash that keeps lossy stems apart (<c>DR-Emergency-IVR</c> →
    /// <c>dr-emergency-ivr</c>). A flow's identity is the type and name inside its YAML, not its folder, so
    /// the folder may lose case and punctuation; the hash stays only for an empty or reserved stem.
    /// </summary>
    public static string FolderFor(string name)
    {
        var stem = StemFor(name);
        var loose = stem.Length > 9 && stem[^9] == '-' && stem[^8..] == ShortHash(name) ? stem[..^9] : stem;
        return loose.Length == 0 || loose == "object" || Reserved.Contains(loose) ? stem : loose;
    }

    /// <summary>
    /// The file stem of an object of a kind: a user's file is named by its email, lower case
    /// (<c>alex.morgan@northwind-energy.example.json</c>) when the email holds only letters, digits and
    /// <c>. _ + - @</c> and cannot be read as a path; anything else goes through <see cref="StemFor(string)"/>.
    /// </summary>
    public static string StemFor(Resources.ResourceKind kind, string key) =>
        kind.IsUser && IsPlainEmail(key) ? key.ToLowerInvariant() : StemFor(key);

    /// <summary>True when a stem is the one <see cref="StemFor(Resources.ResourceKind, string)"/> gives for the key.</summary>
    public static bool Matches(Resources.ResourceKind kind, string stem, string key) => string.Equals(stem, StemFor(kind, key), StringComparison.Ordinal);

    private static bool IsPlainEmail(string email) =>
        email.Length is > 2 and <= 120
        && email.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '+' or '-' or '@')
        && email.Count(c => c == '@') == 1
        && char.IsAsciiLetterOrDigit(email[0])
        && !email.Contains("..", StringComparison.Ordinal);

    /// <summary>True when a stem is the one <see cref="StemFor(string)"/> gives for the name.</summary>
    public static bool Matches(string stem, string name) => string.Equals(stem, StemFor(name), StringComparison.Ordinal);

    /// <summary>ASCII letters and digits in words separated by single spaces: the stem is lossless but for case.</summary>
    private static bool IsPlain(string name) =>
        name.Length is > 0 and <= 80
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == ' ')
        && !name.StartsWith(' ') && !name.EndsWith(' ') && !name.Contains("  ", StringComparison.Ordinal);

    private static string ShortHash(string name) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];
}
