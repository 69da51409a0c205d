using System.Security.Cryptography;
using CxAsCode.Sandbox.Store;
using Microsoft.AspNetCore.WebUtilities;

namespace CxAsCode.Sandbox.Auth;

/// <summary>Issued access tokens: random and opaque, as Genesys's are, valid for the real default of 24 h,
/// each bound to the client it was issued to. Held in memory only; never written to disk or to the request
/// log.</summary>
internal sealed class TokenRegistry(SandboxClock clock)
{
    public const int LifetimeSeconds = 86400;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (DateTimeOffset Expiry, string ClientId)> _tokens = new(StringComparer.Ordinal);

    public string Issue(string clientId)
    {
        // 32 random bytes → 43 base64url characters.
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        lock (_gate)
        {
            _tokens[token] = (clock.UtcNow.AddSeconds(LifetimeSeconds), clientId);
        }

        return token;
    }

    /// <summary>The client a valid token was issued to; null for an unknown or expired token.</summary>
    public string? ClientOf(string token)
    {
        lock (_gate)
        {
            return _tokens.TryGetValue(token, out var issued) && clock.UtcNow < issued.Expiry ? issued.ClientId : null;
        }
    }

    /// <summary>Every token issued and not yet expired: for in-process tests that scan output for leaked tokens.
    /// Deliberately not served over HTTP.</summary>
    public IReadOnlyList<string> Issued()
    {
        lock (_gate)
        {
            return [.. _tokens.Keys];
        }
    }

    /// <summary>Invalidates every issued token (<c>POST /sandbox/tokens/expire</c>); returns how many.</summary>
    public int ExpireAll()
    {
        lock (_gate)
        {
            var count = _tokens.Count;
            _tokens.Clear();
            return count;
        }
    }
}
