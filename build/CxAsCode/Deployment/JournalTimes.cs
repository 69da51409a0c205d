using System.Globalization;

namespace CxAsCode.Deployment;

/// <summary>The journal's timestamps (ISO-8601, UTC) as instants: when a write was sent or settled.</summary>
internal static class JournalTimes
{
    public static string Format(DateTimeOffset when) => when.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>The instant, or null when the entry has none (journals written by hand, older versions).</summary>
    public static DateTimeOffset? Parse(string? timestamp) =>
        DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var when) ? when : null;

    /// <summary>The latest of these instants that parse; <paramref name="fallback"/> when none does.</summary>
    public static DateTimeOffset Latest(IEnumerable<string?> timestamps, DateTimeOffset fallback)
    {
        var known = timestamps.Select(Parse).OfType<DateTimeOffset>().ToList();
        return known.Count == 0 ? fallback : known.Max();
    }
}
