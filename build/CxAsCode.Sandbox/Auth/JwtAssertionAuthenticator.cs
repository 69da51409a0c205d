using CxAsCode.Sandbox.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CxAsCode.Sandbox.Auth;

/// <summary>
/// RFC 7523 JWT client authentication: <c>client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer</c>
/// with <c>client_assertion</c> (§2.2), or the JWT bearer grant with <c>assertion</c> (§2.1). Genesys Cloud
/// itself has no such grant (genesys-api.md §1); the sandbox accepts it so the engine's JWT mode can be
/// tested end to end, and it is as strict as a careful gateway: RS256 only, <c>iss</c> = <c>sub</c> = a known
/// client, <c>aud</c> = this token endpoint, <c>iat</c> and <c>exp</c> present and at most five minutes
/// apart, not before <c>nbf</c>, not expired, each <c>jti</c> once, signed by a key the client registered
/// (chosen by <c>kid</c> when it names one). The time checks use the sandbox's clock.
/// </summary>
internal sealed class JwtAssertionAuthenticator(ClientRegistry clients, AssertionReplayGuard replays, SandboxClock clock) : IClientAuthenticator
{
    public const string ClientAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    public const string JwtBearerGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    /// <summary>The longest life an assertion may claim (exp − iat), as RFC 7523 servers commonly allow.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(5);

    /// <summary>Clock skew tolerated on nbf and exp between the client's clock and ours.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    private static readonly JsonWebTokenHandler Handler = new();

    public bool Applies(HttpContext context, IReadOnlyDictionary<string, StringValues> form) => Assertion(form) is not null;

    public async Task<ClientAuthentication> AuthenticateAsync(HttpContext context, IReadOnlyDictionary<string, StringValues> form)
    {
        if (Assertion(form) is not { } text)
        {
            return Refuse("no client assertion");
        }

        JsonWebToken jwt;
        try
        {
            jwt = new JsonWebToken(text);
        }
        catch (ArgumentException)
        {
            return Refuse("the assertion is not a JWT");
        }

        // The algorithm is checked before anything else: "none" and HMAC with the public key as secret are the
        // classic ways to forge an assertion.
        if (jwt.Alg != SecurityAlgorithms.RsaSha256)
        {
            return Refuse($"alg '{jwt.Alg}' is not accepted; sign with RS256");
        }

        var issuer = Claim(jwt, JwtRegisteredClaimNames.Iss);
        if (issuer is null || clients.Find(issuer) is not { } client)
        {
            return Refuse("iss is not a known client");
        }

        if (Claim(jwt, JwtRegisteredClaimNames.Sub) != issuer)
        {
            return Refuse("sub must equal iss (the client id)");
        }

        if (form.TryGetValue("client_id", out var clientId) && clientId.ToString() != issuer)
        {
            return Refuse("client_id does not match the assertion's iss");
        }

        var audience = TokenEndpoint(context);
        if (!jwt.Audiences.Contains(audience, StringComparer.Ordinal))
        {
            return Refuse($"aud must be this token endpoint ({audience})");
        }

        if (LifetimeProblem(jwt) is { } lifetime)
        {
            return Refuse(lifetime);
        }

        if (Claim(jwt, JwtRegisteredClaimNames.Jti) is not { Length: > 0 } jti)
        {
            return Refuse("jti is required");
        }

        if (SigningKey(client, jwt.Kid) is not { } key)
        {
            return Refuse(jwt.Kid is null ? "the client has no single registered key; name one with kid" : $"kid '{jwt.Kid}' is not a key of this client");
        }

        if (!await SignatureHoldsAsync(text, key, issuer, audience))
        {
            return Refuse("the signature does not verify");
        }

        // Only a verified assertion uses up its jti: an attacker's forgery must not block the real one.
        return replays.TryUse(issuer, jti, DateTimeOffset.FromUnixTimeSeconds(jwt.GetPayloadValue<long>(JwtRegisteredClaimNames.Exp)))
            ? ClientAuthentication.Accepted(client)
            : Refuse("jti was already used");
    }

    private static string? Assertion(IReadOnlyDictionary<string, StringValues> form)
    {
        if (form.TryGetValue("client_assertion_type", out var type) && type.ToString() == ClientAssertionType
            && form.TryGetValue("client_assertion", out var clientAssertion))
        {
            return clientAssertion.ToString();
        }

        return form.TryGetValue("grant_type", out var grant) && grant.ToString() == JwtBearerGrant && form.TryGetValue("assertion", out var assertion)
            ? assertion.ToString()
            : null;
    }

    private string? LifetimeProblem(JsonWebToken jwt)
    {
        if (!jwt.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Exp, out var exp))
        {
            return "exp is required";
        }

        if (!jwt.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Iat, out var iat))
        {
            return "iat is required";
        }

        var now = clock.UtcNow;
        var expires = DateTimeOffset.FromUnixTimeSeconds(exp);
        if (expires - DateTimeOffset.FromUnixTimeSeconds(iat) > MaxLifetime)
        {
            return $"exp - iat is more than {MaxLifetime.TotalSeconds:0} s";
        }

        if (expires - now > MaxLifetime + ClockSkew)
        {
            return $"exp is more than {MaxLifetime.TotalSeconds:0} s away";
        }

        if (expires + ClockSkew <= now)
        {
            return "the assertion has expired";
        }

        return jwt.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Nbf, out var nbf) && DateTimeOffset.FromUnixTimeSeconds(nbf) - ClockSkew > now
            ? "the assertion is not valid yet (nbf)"
            : null;
    }

    private static SecurityKey? SigningKey(OAuthClient client, string? kid) => kid is null
        ? client.Keys.Count == 1 ? client.Keys[0].Key : null
        : client.Keys.FirstOrDefault(k => k.KeyId == kid)?.Key;

    private static async Task<bool> SignatureHoldsAsync(string assertion, SecurityKey key, string issuer, string audience)
    {
        var result = await Handler.ValidateTokenAsync(assertion, new TokenValidationParameters
        {
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            ValidIssuer = issuer,
            ValidAudience = audience,
            // Lifetime was checked above against the sandbox's clock, which tests move.
            ValidateLifetime = false,
            TryAllIssuerSigningKeys = false,
        });
        return result.IsValid;
    }

    private static string? Claim(JsonWebToken jwt, string name) =>
        jwt.TryGetPayloadValue<string>(name, out var value) ? value : null;

    private static string TokenEndpoint(HttpContext context) =>
        $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/oauth/token";

    private static ClientAuthentication Refuse(string reason) => ClientAuthentication.Refused("client assertion rejected: " + reason);
}
