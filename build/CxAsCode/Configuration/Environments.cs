using System.Text.RegularExpressions;

namespace CxAsCode.Configuration;

/// <summary>
/// The environment allow-list: exactly the folders under <c>state/</c>. An environment name reaches file
/// paths and CI inputs (<c>workflow_dispatch</c>), so anything else is refused before it is used.
/// </summary>
public static partial class Environments
{
    public static IReadOnlyList<string> Known(string repositoryRoot)
    {
        var state = Path.Combine(repositoryRoot, "state");
        return Directory.Exists(state)
            ? [.. Directory.EnumerateDirectories(state).Select(Path.GetFileName).OfType<string>().Where(n => SafeName().IsMatch(n)).Order(StringComparer.Ordinal)]
            : [];
    }

    /// <summary>The name itself when allowed; otherwise a <see cref="ConfigurationException"/> listing the allowed ones.</summary>
    public static string Require(string? name, string repositoryRoot)
    {
        var known = Known(repositoryRoot);
        return name is not null && SafeName().IsMatch(name) && known.Contains(name, StringComparer.Ordinal)
            ? name
            : throw new ConfigurationException($"--env must be one of the folders under state/: {string.Join(", ", known)} (got '{Printable(name)}').");
    }

    private static string Printable(string? value) =>
        value is null ? "nothing" : new string([.. value.Take(40).Select(c => char.IsControl(c) ? '?' : c)]);

    [GeneratedRegex(@"^[a-z][a-z0-9-]{0,31}\z")] // \z, not $: $ also matches before a trailing newline
    private static partial Regex SafeName();
}
