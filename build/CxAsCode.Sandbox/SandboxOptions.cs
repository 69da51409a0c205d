namespace CxAsCode.Sandbox;

/// <summary>How one sandbox instance runs. Defaults match the command line's defaults, except
/// <see cref="DataDir"/>: in-process hosts (tests) get no persistence unless they ask for it.</summary>
public sealed class SandboxOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a free port (read it back with <see cref="SandboxApp.BaseAddress"/>).</summary>
    public int Port { get; set; } = 8787;

    /// <summary>Folder holding <c>org.json</c>; null keeps the org in memory only.</summary>
    public string? DataDir { get; set; }

    /// <summary>Seed used when there is no saved org, on <see cref="Reset"/> and by <c>POST /sandbox/reset</c>:
    /// <c>default</c> (a small contact centre) or <c>empty</c> (only the three divisions).</summary>
    public string Seed { get; set; } = SeedNames.Default;

    /// <summary>A seed in <c>Seed/default.json</c>'s shape (divisions, skills, wrapupCodes, queues, references by
    /// name) used instead of <see cref="Seed"/>: the benchmark's generated org. Loaded through the same
    /// operations as the built-in seed, so its objects look exactly like created ones.</summary>
    public Newtonsoft.Json.Linq.JObject? SeedData { get; set; }

    /// <summary>Requests per minute allowed per access token (sliding 60 s window); 0 = unlimited.</summary>
    public int RequestsPerMinute { get; set; } = 300;

    /// <summary>Token requests per minute allowed per OAuth client (sliding 60 s window); 0 = unlimited. See
    /// <see cref="RateLimiting.TokenIssuanceLimiter"/> for why 60.</summary>
    public int TokenRequestsPerMinute { get; set; } = 60;

    /// <summary>
    /// How long an Architect import or export job takes before it ends (job latency: the real platform answers
    /// <c>Started</c> for seconds while Archy checks and publishes, genesys-api.md §3). Default 2 s, long enough
    /// that a client must poll; the integration suite compresses it.
    /// </summary>
    public TimeSpan ArchitectJobTime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Ignore any saved org and start from the seed.</summary>
    public bool Reset { get; set; }

    /// <summary>When set, the sandbox stops once this process has exited (checked every second).</summary>
    public int? ParentPid { get; set; }

    /// <summary>Clock for timestamps, token expiry, rate-limit windows, fault delays and consistency lags.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How much like the real platform the sandbox behaves (lags, validation, defaults, divisions,
    /// queue rules). Off by default for in-process hosts, so the engine's existing integration tests keep
    /// their friendly sandbox until they opt in; <see cref="RealismProfile.Realistic"/> turns it all on.</summary>
    public RealismProfile Realism { get; set; } = RealismProfile.Off();
}
