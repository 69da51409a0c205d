namespace CxAsCode.Http;

/// <summary>How the client paces itself and retries. Defaults follow the Genesys Cloud limits and SDKs.</summary>
internal sealed class ResilienceOptions
{
    /// <summary>Requests per minute for this run, all calls together. Default 300: the per-token limit of Genesys Cloud.</summary>
    public int RequestsPerMinute { get; set; } = 300;

    /// <summary>Retries after the first attempt. Default 5.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>First backoff delay when the API gives no Retry-After; doubles with jitter. Default 1 s.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest Retry-After we wait out; longer means stop. Default 180 s, as the official SDKs do.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(180);

    /// <summary>Time allowed for one attempt. Default 30 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
