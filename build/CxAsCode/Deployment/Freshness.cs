using System.Globalization;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Deployment;

/// <summary>
/// The platform's own monotonic markers: a skill's <c>version</c>, else <c>dateModified</c>. Comparing a read
/// with the object our write returned tells a stale replica (older than our own write) from a real state,
/// without waiting blindly. Markers are only compared with markers from the same server, never with our
/// clock.
/// </summary>
internal static class Freshness
{
    /// <summary>Negative when <paramref name="read"/> is older than <paramref name="reference"/>; null when either lacks a marker.</summary>
    public static int? Compare(JObject read, JObject? reference)
    {
        if (reference is null)
        {
            return null;
        }

        if (Version(read) is { } a && Version(reference) is { } b)
        {
            return a.CompareTo(b);
        }

        return Modified(read) is { } x && Modified(reference) is { } y ? x.CompareTo(y) : null;
    }

    /// <summary>True only when the markers prove <paramref name="read"/> older than <paramref name="ours"/>.</summary>
    public static bool IsOlder(JObject read, JObject? ours) => Compare(read, ours) < 0;

    /// <summary>True only when the markers prove <paramref name="read"/> at least as new as <paramref name="ours"/>.</summary>
    public static bool IsNotOlder(JObject read, JObject? ours) => Compare(read, ours) >= 0;

    /// <summary>True only when the markers prove <paramref name="read"/> newer than <paramref name="ours"/>.</summary>
    public static bool IsNewer(JObject read, JObject? ours) => Compare(read, ours) > 0;

    private static long? Version(JObject raw) =>
        raw["version"] is JValue { Value: not null } v && long.TryParse(v.ToString(CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static DateTimeOffset? Modified(JObject raw) =>
        raw["dateModified"] is JValue { Value: not null } v
        && DateTimeOffset.TryParse(v.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
            ? when
            : null;
}
