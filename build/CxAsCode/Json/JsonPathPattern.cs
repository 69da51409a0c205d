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

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, JsonPathPattern> Parsed = new(StringComparer.Ordinal);

    public JsonPathPattern(string pattern)
    {
        Pattern = pattern;
        _segments = [.. pattern.Split('.').Select(s => s.EndsWith("[*]", StringComparison.Ordinal) ? (s[..^3], true) : (s, false))];
    }

    public string Pattern { get; }

    /// <summary>The pattern for this text, parsed once per process (descriptors name the same few places for every object).</summary>
    public static JsonPathPattern Of(string pattern) => Parsed.GetOrAdd(pattern, p => new JsonPathPattern(p));

    /// <summary>Every token the pattern reaches under <paramref name="root"/>, in document order.</summary>
    public IEnumerable<JToken> Select(JToken root)
    {
        var found = new List<JToken>();
        Collect(root, 0, found);
        return found;
    }

    /// <summary>Walks the segments from <paramref name="index"/> on: no intermediate lists (this runs for every object and reference).</summary>
    private void Collect(JToken token, int index, List<JToken> found)
    {
        if (index == _segments.Length)
        {
            found.Add(token);
            return;
        }

        if (token is not JObject obj || obj[_segments[index].Name] is not { } next || next.Type == JTokenType.Null)
        {
            return;
        }

        if (!_segments[index].Each)
        {
            Collect(next, index + 1, found);
            return;
        }

        if (next is JArray array)
        {
            // A copy first: callers replace or remove what they are given.
            foreach (var item in array.ToArray())
            {
                Collect(item, index + 1, found);
            }
        }
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
