using System.Globalization;

namespace CxAsCode.Sandbox.Store;

/// <summary>Wraps the injected <see cref="TimeProvider"/> so every timestamp the sandbox writes has the
/// same ISO-8601 UTC shape the real API uses (milliseconds, <c>Z</c>).</summary>
internal sealed class SandboxClock(TimeProvider time)
{
    public TimeProvider Time { get; } = time;

    public DateTimeOffset UtcNow => Time.GetUtcNow();

    public string NowIso() => Format(UtcNow);

    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
