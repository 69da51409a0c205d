using System.Security.Cryptography;
using CxAsCode.Sandbox.Store;
using Microsoft.AspNetCore.WebUtilities;

namespace CxAsCode.Sandbox.Auth;

/// <summary>Issued access tokens: random and opaque, as Genesys's are, valid for the real default of 24 h.
/// Held in memory only; never written to disk or to the request log.</summary>
internal sealed class TokenRegistry(SandboxClock clock)
{
    public const int LifetimeSeconds = 86400;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _expiries = new(StringComparer.Ordinal);

    public string Issue()
    {
        // 32 random bytes → 43 base64url characters.
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        lock (_gate)
        {
            _expiries[token] = clock.UtcNow.AddSeconds(LifetimeSeconds);
        }

        return token;
    }

    public bool IsValid(string token)
    {
        lock (_gate)
        {
            return _expiries.TryGetValue(token, out var expiry) && clock.UtcNow < expiry;
        }
    }

    /// <summary>Invalidates every issued token (<c>POST /sandbox/tokens/expire</c>); returns how many.</summary>
    public int ExpireAll()
    {
        lock (_gate)
        {
            var count = _expiries.Count;
            _expiries.Clear();
            return count;
        }
    }
}
