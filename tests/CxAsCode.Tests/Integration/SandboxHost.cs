using System.Text;
using CxAsCode.Configuration;
using CxAsCode.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Integration;

/// <summary>The sandbox hosted in the test process on a free port, with typed access to its admin surface.</summary>
internal sealed class SandboxHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _admin;

    private SandboxHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        _admin = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    /// <summary>The environment a pipeline run needs to talk to this sandbox as if it were a real org.</summary>
    public Dictionary<string, string?> Environment => new()
    {
        ["GENESYSCLOUD_API_URL"] = BaseAddress.ToString().TrimEnd('/'),
        ["GENESYSCLOUD_OAUTHCLIENT_ID"] = Connection.SandboxClientId,
        ["GENESYSCLOUD_OAUTHCLIENT_SECRET"] = Connection.SandboxClientSecret,
    };

    /// <summary>
    /// The realism the integration suite runs with: every rule of the real platform on (validation, server
    /// defaults, divisions, queue rules), and its eventual consistency with the lags compressed — the real
    /// seconds (5 s lists, 60 s queue deletes) would make the suite take hours; the engine must survive the
    /// same behaviour either way. A test that needs realism off says why.
    /// </summary>
    public static RealismProfile IntegrationRealism()
    {
        var realism = RealismProfile.Realistic();
        realism.Consistency = Lags;
        return realism;
    }

    /// <summary>The compressed lags: every view has caught up after <see cref="SettleAsync"/>.</summary>
    public static ConsistencyLags Lags => new()
    {
        ListLag = TimeSpan.FromMilliseconds(300),
        GetLag = TimeSpan.FromMilliseconds(150),
        QueueDeleteLinger = TimeSpan.FromSeconds(1.5),
        DeletedSkillListed = TimeSpan.FromSeconds(1.5),
    };

    /// <summary>Architect jobs take this long here: long enough to need polling, compressed like the lags.</summary>
    public static TimeSpan JobTime => TimeSpan.FromMilliseconds(200);

    /// <summary>Lets the platform catch up ("a little later"): every list shows every write once this returns.</summary>
    public static Task SettleAsync(bool deletes = false) =>
        Task.Delay((deletes ? Lags.Longest : Lags.ListLag) + TimeSpan.FromMilliseconds(100));

    public static async Task<SandboxHost> StartAsync(RealismProfile? realism = null)
    {
        var app = SandboxApp.Create(new SandboxOptions { Port = 0, RequestsPerMinute = 0, Realism = realism ?? IntegrationRealism(), ArchitectJobTime = JobTime });
        await app.StartAsync();
        return new SandboxHost(app, SandboxApp.BaseAddress(app));
    }

    public Task ResetAsync() => PostAsync("/sandbox/reset", new JObject { ["seed"] = "default" });

    /// <summary>Every logged API request, oldest first.</summary>
    public async Task<IReadOnlyList<JObject>> RequestsAsync() =>
        [.. JArray.Parse(await _admin.GetStringAsync(new Uri("/sandbox/requests", UriKind.Relative))).OfType<JObject>()];

    /// <summary>
    /// Logged requests other than GETs, token requests and export jobs (a POST that only reads flows,
    /// genesys-api.md §3): the writes.
    /// </summary>
    public async Task<IReadOnlyList<JObject>> WritesAsync() =>
        [.. (await RequestsAsync()).Where(r => (string?)r["method"] != "GET"
            && !((string?)r["path"] ?? string.Empty).StartsWith("/oauth", StringComparison.Ordinal)
            && !((string?)r["path"] ?? string.Empty).StartsWith("/api/v2/flows/export/jobs", StringComparison.Ordinal))];

    public async Task ClearRequestsAsync() =>
        (await _admin.DeleteAsync(new Uri("/sandbox/requests", UriKind.Relative))).EnsureSuccessStatusCode();

    /// <summary>The whole org; date-like strings (a schedule's local start) stay strings, as the API sent them.</summary>
    public async Task<JObject> StateAsync() =>
        Newtonsoft.Json.JsonConvert.DeserializeObject<JObject>(await _admin.GetStringAsync(new Uri("/sandbox/state", UriKind.Relative)), new Newtonsoft.Json.JsonSerializerSettings { DateParseHandling = Newtonsoft.Json.DateParseHandling.None })!;

    /// <summary>
    /// The org as a person would compare it: active objects only (a rolled-back create leaves a soft-deleted
    /// skill behind, as the real API does), without server counters and timestamps.
    /// </summary>
    public async Task<JObject> ComparableStateAsync()
    {
        var state = await StateAsync();
        foreach (var list in state.Properties().Select(p => p.Value).OfType<JArray>())
        {
            foreach (var item in list.OfType<JObject>().Where(o => (string?)o["state"] == "deleted").ToList())
            {
                item.Remove();
            }

            foreach (var item in list.OfType<JObject>())
            {
                // A flow's versions count every publish, a rollback's republish too: its content is what is restored.
                foreach (var field in new[] { "dateModified", "modifiedBy", "version", "dateCreated", "createdBy", "publishedVersion", "checkedInVersion" })
                {
                    item.Remove(field);
                }
            }
        }

        return state;
    }

    /// <summary>An out-of-band edit, as if someone changed the object in the Genesys Cloud UI.</summary>
    /// <remarks>Returns once every view of the org shows the edit: it happened "a moment ago".</remarks>
    public Task EditAsync(string kind, string name, JObject set) =>
        OutOfBandAsync(new JObject { ["kind"] = kind, ["name"] = name, ["set"] = set });

    /// <summary>Any <c>/sandbox/edit</c> call (create, delete, set), visible everywhere when it returns.</summary>
    public async Task OutOfBandAsync(JObject edit)
    {
        await PostAsync("/sandbox/edit", edit);
        await SettleAsync(deletes: edit["delete"] is not null);
    }

    /// <summary>Every access token the sandbox has issued and still honours (read in process, for leak scans).</summary>
    public IReadOnlyList<string> IssuedTokens() => _app.Services.GetRequiredService<CxAsCode.Sandbox.Auth.TokenRegistry>().Issued();

    public Task FaultAsync(JObject fault) => PostAsync("/sandbox/faults", fault);

    /// <summary>Limits each token to this many requests a minute, as the platform does (300 by default there).</summary>
    public async Task LimitPerTokenAsync(int requestsPerMinute) =>
        (await _admin.PutAsync(new Uri("/sandbox/ratelimit", UriKind.Relative), new StringContent(new JObject { ["requestsPerMinute"] = requestsPerMinute }.ToString(), System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

    /// <summary>How many requests the registered faults have matched so far, in registration order.</summary>
    public async Task<IReadOnlyList<int>> FaultMatchesAsync() =>
        [.. JToken.Parse(await _admin.GetStringAsync(new Uri("/sandbox/faults", UriKind.Relative))).SelectTokens("$..matched").Select(t => (int)t)];

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public async Task PostAsync(string path, JObject body)
    {
        using var content = new StringContent(body.ToString(), Encoding.UTF8, "application/json");
        var response = await _admin.PostAsync(new Uri(path, UriKind.Relative), content);
        Assert.That(response.IsSuccessStatusCode, Is.True, $"{path}: {await response.Content.ReadAsStringAsync()}");
    }
}
