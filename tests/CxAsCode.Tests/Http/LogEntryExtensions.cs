using WireMock;
using WireMock.Logging;
using WireMock.Server;

namespace CxAsCode.Tests.Http;

/// <summary>Reads WireMock's request log the way the assertions need it: in arrival order, headers by any case.</summary>
internal static class LogEntryExtensions
{
    /// <summary>The requests the server received, oldest first.</summary>
    public static IReadOnlyList<ILogEntry> Requests(this WireMockServer server) =>
        [.. server.LogEntries.OrderBy(e => e.Request().DateTime)];

    /// <summary>The requests to one path, oldest first.</summary>
    public static IReadOnlyList<ILogEntry> Requests(this WireMockServer server, string path) =>
        [.. server.Requests().Where(e => e.Request().Path == path)];

    public static IRequestMessage Request(this ILogEntry entry) =>
        entry.RequestMessage ?? throw new InvalidOperationException("WireMock logged an entry without a request.");

    public static string Method(this ILogEntry entry) => entry.Request().Method;

    public static string? Body(this ILogEntry entry) => entry.Request().Body;

    /// <summary>When the request arrived.</summary>
    public static DateTime Time(this ILogEntry entry) => entry.Request().DateTime;

    /// <summary>Path and query as sent, e.g. <c>/api/v2/routing/queues?pageSize=2&amp;pageNumber=1</c>.</summary>
    public static string PathAndQuery(this ILogEntry entry) => new Uri(entry.Request().Url).PathAndQuery;

    /// <summary>Every (decoded) value of one query parameter, in order.</summary>
    public static IReadOnlyList<string> Query(this ILogEntry entry, string name) =>
        entry.Request().Query is { } query && query.TryGetValue(name, out var values) ? [.. values] : [];

    /// <summary>The first value of a request header (case-insensitive name), or null.</summary>
    public static string? Header(this ILogEntry entry, string name) =>
        entry.Request().Headers?
            .FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase))
            .Value?.FirstOrDefault();

    /// <summary>Waits (briefly) until the server has logged <paramref name="count"/> requests: a delayed response is logged only when it ends.</summary>
    public static async Task WaitForRequestsAsync(this WireMockServer server, int count, TimeSpan timeout)
    {
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (server.LogEntries.Count < count && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(20);
        }
    }
}
