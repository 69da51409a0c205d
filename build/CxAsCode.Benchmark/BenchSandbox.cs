using System.Net.Http.Json;
using CxAsCode.Sandbox;
using Microsoft.AspNetCore.Builder;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Benchmark;

/// <summary>
/// The sandbox in this process, seeded with a generated org. It keeps the platform's rules (validation,
/// server defaults, divisions, per-token rate limit with 429 + Retry-After) and drops only its replication
/// lag: the benchmark measures calls and pacing, and a lag would add the same waits to every tool alike.
/// </summary>
internal sealed class BenchSandbox : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BenchSandbox(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Admin = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Admin { get; }

    /// <summary>What a pipeline run needs to reach this sandbox as if it were a real org.</summary>
    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        ["GENESYSCLOUD_API_URL"] = BaseAddress.ToString().TrimEnd('/'),
        ["GENESYSCLOUD_OAUTHCLIENT_ID"] = SandboxCredentials.ClientId,
        ["GENESYSCLOUD_OAUTHCLIENT_SECRET"] = SandboxCredentials.ClientSecret,
    };

    /// <param name="seed">The generated org.</param>
    /// <param name="requestsPerMinute">Per token; 0 = unlimited.</param>
    public static async Task<BenchSandbox> StartAsync(JObject seed, int requestsPerMinute)
    {
        var realism = RealismProfile.Realistic();
        realism.Consistency = ConsistencyLags.None();
        var app = SandboxApp.Create(new SandboxOptions { Port = 0, SeedData = seed, RequestsPerMinute = requestsPerMinute, Realism = realism });
        await app.StartAsync();
        return new BenchSandbox(app, SandboxApp.BaseAddress(app));
    }

    /// <summary>Back to the generated org, with an empty request log and fresh rate-limit windows.</summary>
    public async Task ResetAsync()
    {
        (await Admin.PostAsJsonAsync("sandbox/reset", new { seed = "default" })).EnsureSuccessStatusCode();
        await ClearLogAsync();
    }

    public async Task ClearLogAsync() => (await Admin.DeleteAsync("sandbox/requests")).EnsureSuccessStatusCode();

    /// <summary>Every request since the log was cleared.</summary>
    public async Task<RequestTally> TallyAsync() => RequestTally.Of(JArray.Parse(await Admin.GetStringAsync("sandbox/requests")));

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
