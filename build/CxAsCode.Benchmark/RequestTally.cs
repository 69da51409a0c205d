using Newtonsoft.Json.Linq;

namespace CxAsCode.Benchmark;

/// <summary>The API calls of one phase, from the sandbox's request log: by method, by kind, the 429s and the
/// token requests (which are not API calls and are counted apart).</summary>
internal sealed record RequestTally(
    int Calls,
    IReadOnlyDictionary<string, int> ByMethod,
    IReadOnlyDictionary<string, int> ByKind,
    int Throttled,
    int TokenRequests)
{
    public static RequestTally Of(JArray log)
    {
        var entries = log.OfType<JObject>().Select(e => (Method: (string?)e["method"] ?? "?", Path: (string?)e["path"] ?? string.Empty, Status: (int?)e["status"] ?? 0)).ToList();
        var api = entries.Where(e => e.Path.StartsWith("/api/v2/", StringComparison.Ordinal)).ToList();
        return new RequestTally(
            api.Count,
            api.GroupBy(e => e.Method).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            api.GroupBy(e => KindOf(e.Path)).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            api.Count(e => e.Status == 429),
            entries.Count(e => e.Path == "/oauth/token"));
    }

    /// <summary><c>/api/v2/routing/queues/{id}/wrapupcodes</c> → <c>queues/wrapupcodes</c>; <c>/api/v2/routing/skills</c> → <c>skills</c>.</summary>
    public static string KindOf(string path)
    {
        var segments = path["/api/v2/".Length..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        var kind = segments.Length > 1 && segments[0] is "routing" or "authorization" or "architect" ? segments[1] : segments[0];
        var skip = segments.Length > 1 && segments[0] is "routing" or "authorization" or "architect" ? 2 : 1;
        return segments.Length > skip + 1 ? $"{kind}/{segments[skip + 1]}" : kind;
    }
}
