using System.Collections.Concurrent;

namespace CxAsCode.Http;

/// <summary>Counts the requests actually sent (each attempt), by method: the numbers reports and benchmarks quote.</summary>
public sealed class RequestCounter
{
    private readonly ConcurrentDictionary<string, int> _byMethod = new(StringComparer.Ordinal);

    /// <summary>The label of requests that are POSTs only in form: an Architect export job reads flows and changes nothing.</summary>
    public const string ExportJobs = "export job";

    public void Count(HttpMethod method) => _byMethod.AddOrUpdate(method.Method, 1, (_, n) => n + 1);

    /// <summary>Counts one request, telling an export job's POST (a read) from a write.</summary>
    public void Count(HttpMethod method, string pathAndQuery) =>
        _byMethod.AddOrUpdate(IsExportJob(method, pathAndQuery) ? ExportJobs : method.Method, 1, (_, n) => n + 1);

    /// <summary><c>POST /api/v2/flows/export/jobs</c> (genesys-api.md §3): starts an export, writes nothing to the org.</summary>
    public static bool IsExportJob(HttpMethod method, string pathAndQuery) =>
        method == HttpMethod.Post && pathAndQuery.Split('?')[0].EndsWith("/api/v2/flows/export/jobs", StringComparison.Ordinal);

    public int Of(string method) => _byMethod.GetValueOrDefault(method);

    public int Total => _byMethod.Values.Sum();

    /// <summary>Requests that may change the org: everything but reads and export jobs.</summary>
    public int Writes => Total - Of("GET") - Of(ExportJobs);

    public override string ToString() =>
        Total == 0 ? "no requests" : string.Join(", ", _byMethod.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Value} {p.Key}"));
}
