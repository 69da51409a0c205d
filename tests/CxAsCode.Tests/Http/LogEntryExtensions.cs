using WireMock.Logging;
using WireMock.Server;

namespace CxAsCode.Tests.Http;

/// <summary>Reads WireMock's request log the way the assertions need it: in arrival order, headers by any case.</summary>
internal static class LogEntryExtensions
{
    /// <summary>The requests the server received, oldest first.</summary>
    public static IReadOnlyList<ILogEntry> Requests(this WireMockServer server) =>
        [.. server.LogEntries.OrderBy(e => e.RequestMessage.DateTime)];

    /// <summary>The requests to one path, oldest first.</summary>
    public static IReadOnlyList<ILogEntry> Requests(this WireMockServer server, string path) =>
        [.. server.Requests().Where(e => e.RequestMessage.Path == path)];

    /// <summary>Path and query as sent, e.g. <c>/api/v2/routing/queues?pageSize=2&amp;pageNumber=1</c>.</summary>
    public static string PathAndQuery(this ILogEntry entry) => new Uri(entry.RequestMessage.Url).PathAndQuery;

    /// <summary>The first value of a request header (case-insensitive name), or null.</summary>
    public static string? Header(this ILogEntry entry, string name) =>
        entry.RequestMessage.Headers?
            .FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase))
            .Value?.FirstOrDefault();

    /// <summary>Waits (briefly) until the server has logged <paramref name="count"/> requests: a delayed response is logged only when it ends.</summary>
    public static async Task WaitForRequestsAsync(this WireMockServer server, int count, TimeSpan timeout)
    {
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (server.LogEntries.Count() < count && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(20);
        }
    }
}
