using System.Text.RegularExpressions;

namespace CxAsCode.State;

/// <summary>
/// <c>mappings/&lt;env&gt;.json</c>: the only place environments differ. <c>references</c> maps the
/// symbolic name state uses for an object this repository does not manage (a division) to that object's
/// name in the target org; <c>values</c> fills <c>{{key}}</c> substitutions in state strings.
/// </summary>
public sealed partial class Mappings
{
    public static readonly Mappings Empty = new(new Dictionary<string, IReadOnlyDictionary<string, string>>(), new Dictionary<string, string>());

    public Mappings(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> references, IReadOnlyDictionary<string, string> values)
    {
        References = references;
        Values = values;
    }

    /// <summary>Kind name → symbolic name → name in the target org.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> References { get; }

    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>The target org's name for a symbolic reference, or null when unmapped.</summary>
    public string? Resolve(string kind, string symbolic) =>
        References.TryGetValue(kind, out var map) && map.TryGetValue(symbolic, out var target) ? target : null;

    /// <summary>The symbolic name for a target name (for Sync), or the target name itself when unmapped.</summary>
    public string Reverse(string kind, string target) =>
        References.TryGetValue(kind, out var map)
            ? map.Where(p => string.Equals(p.Value, target, StringComparison.OrdinalIgnoreCase)).Select(p => p.Key).Order(StringComparer.Ordinal).FirstOrDefault() ?? target
            : target;

    /// <summary>Fills <c>{{key}}</c> placeholders; unknown keys are returned so validation can name them.</summary>
    public string Substitute(string text, ICollection<string> unknownKeys)
    {
        return Placeholder().Replace(text, match =>
        {
            var key = match.Groups[1].Value;
            if (Values.TryGetValue(key, out var value))
            {
                return value;
            }

            unknownKeys.Add(key);
            return match.Value;
        });
    }

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
