using Newtonsoft.Json.Linq;

namespace CxAsCode.Json;

/// <summary>
/// A dotted path where a segment ending in <c>[*]</c> fans out over an array:
/// <c>bullseye.rings[*].actions.skillsToRemove[*]</c>. Small on purpose: descriptors only need to name
/// places, and a full JSONPath engine would make them harder to read.
/// </summary>
internal sealed class JsonPathPattern
{
    private readonly (string Name, bool Each)[] _segments;

    public JsonPathPattern(string pattern)
    {
        Pattern = pattern;
        _segments = [.. pattern.Split('.').Select(s => s.EndsWith("[*]", StringComparison.Ordinal) ? (s[..^3], true) : (s, false))];
    }

    public string Pattern { get; }

    /// <summary>Every token the pattern reaches under <paramref name="root"/>, in document order.</summary>
    public IEnumerable<JToken> Select(JToken root)
    {
        IEnumerable<JToken> current = [root];
        foreach (var (name, each) in _segments)
        {
            current = current.OfType<JObject>()
                .Select(o => o[name])
                .Where(t => t is not null && t.Type != JTokenType.Null)
                .SelectMany(t => each ? (t is JArray a ? a.ToList() : []) : [t!])
                .ToList();
        }

        return current;
    }

    /// <summary>Replaces every token the pattern reaches with what <paramref name="replace"/> returns.</summary>
    public void Replace(JToken root, Func<JToken, JToken> replace)
    {
        foreach (var token in Select(root).ToList())
        {
            token.Replace(replace(token));
        }
    }
}
