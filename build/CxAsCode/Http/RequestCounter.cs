using System.Collections.Concurrent;

namespace CxAsCode.Http;

/// <summary>Counts the requests actually sent (each attempt), by method: the numbers reports and benchmarks quote.</summary>
public sealed class RequestCounter
{
    private readonly ConcurrentDictionary<string, int> _byMethod = new(StringComparer.Ordinal);

    public void Count(HttpMethod method) => _byMethod.AddOrUpdate(method.Method, 1, (_, n) => n + 1);

    public int Of(string method) => _byMethod.GetValueOrDefault(method);

    public int Total => _byMethod.Values.Sum();

    public int Writes => Total - Of("GET");

    public override string ToString() =>
        Total == 0 ? "no requests" : string.Join(", ", _byMethod.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Value} {p.Key}"));
}
