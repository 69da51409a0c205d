using CxAsCode.Sandbox.Store;

namespace CxAsCode.Sandbox.RateLimiting;

/// <summary>
/// Paces token requests per OAuth client, and counts the tokens issued. Genesys Cloud rate limits its login
/// service too, but our sources (genesys-api.md, the SDKs, the Terraform provider) publish no figure for token
/// creation; the sandbox allows <see cref="SandboxOptions.TokenRequestsPerMinute"/> per client (default 60: a pool
/// of 20 fills in one go, a client asking for a token per request does not get far) and answers the excess
/// with the platform's 429 and Retry-After, so a client must pace and count its token requests as well.
/// </summary>
internal sealed class TokenIssuanceLimiter(SandboxClock clock, int requestsPerMinute)
{
    private readonly RateLimiter _window = new(clock, requestsPerMinute);
    private long _issued;

    /// <summary>Tokens issued since the start or the last reset.</summary>
    public long Issued => Interlocked.Read(ref _issued);

    /// <summary>null when the client may have a token now, else the seconds to wait.</summary>
    public int? TryAcquire(string clientId) => _window.TryAcquire("client:" + clientId);

    public void CountIssued() => Interlocked.Increment(ref _issued);

    public void Reset()
    {
        _window.Reset();
        Interlocked.Exchange(ref _issued, 0);
    }
}
