namespace CxAsCode.Configuration;

/// <summary>
/// The options cake.tool 7.0.0 itself accepts. Cake consumes them before the script runs, except two kinds
/// that reach the script's arguments and are let through: <c>--invalidate-script-cache</c>, and Cake
/// configuration given as <c>--section_key=value</c> (<c>--no-report</c> arrives as <c>Settings_NoReport</c>).
/// </summary>
public static class CakeOptions
{
    /// <summary>Cake's long option names (aliases such as <c>--noop</c> left out), for suggestions and help.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["verbosity", "description", "tree", "dryrun", "exclusive", "version", "info", "debug", "bootstrap", "skip-bootstrap", "invalidate-script-cache", "no-report", "help"];

    /// <summary>True for an argument that belongs to Cake, not to the pipeline.</summary>
    public static bool Owns(string argumentName) =>
        string.Equals(argumentName, "invalidate-script-cache", StringComparison.OrdinalIgnoreCase)
        || argumentName.Contains('_', StringComparison.Ordinal); // our names use dashes; Cake's configuration keys are section_key
}
