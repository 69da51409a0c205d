using System.Text.RegularExpressions;

namespace CxAsCode.Validation;

/// <summary>JSON paths as messages show them: <c>$.mediaSettings.call</c>, <c>$.references.divisions['Home']</c>, <c>$.rings[1]</c>.</summary>
internal static partial class JsonPathText
{
    public const string Root = "$";

    /// <summary>A field of an object: dotted when the name is a plain identifier, bracketed otherwise.</summary>
    public static string Field(string parent, string name) =>
        PlainName().IsMatch(name) ? $"{parent}.{name}" : Key(parent, name);

    /// <summary>An entry of a map whose keys are data (a symbolic name), always bracketed.</summary>
    public static string Key(string parent, string key) => $"{parent}['{key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}']";

    public static string Item(string parent, int index) => $"{parent}[{index}]";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PlainName();
}
