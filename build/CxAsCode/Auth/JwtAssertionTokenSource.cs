using System.Security.Cryptography;
using CxAsCode.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CxAsCode.Auth;

/// <summary>
/// Client credentials authenticated by an RFC 7523 JWT client assertion (RFC 7521 §4.2) instead of a
/// shared secret: each token request carries a fresh assertion signed RS256 with the client's private key,
/// <c>iss</c> = <c>sub</c> = the client id, <c>aud</c> = the token endpoint, a short life and a unique
/// <c>jti</c>. Genesys Cloud's own login service does not accept this grant today; it is for token
/// endpoints that do (the sandbox, a company OAuth gateway in front of the platform).
/// </summary>
internal sealed class JwtAssertionTokenSource : OAuthTokenSource
{
    /// <summary>Assertions live two minutes: inside the five minutes RFC 7523 servers commonly allow, with room for clock skew.</summary>
    public static readonly TimeSpan AssertionLifetime = TimeSpan.FromMinutes(2);

    private const string ClientAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly string _clientId;
    private readonly SigningCredentials _signing;
    private readonly RSA _key;

    /// <param name="http">The HTTP client for the token endpoint.</param>
    /// <param name="tokenUri">The token endpoint; also the assertion's audience.</param>
    /// <param name="clientId">The OAuth client id: the assertion's issuer and subject.</param>
    /// <param name="privateKeyPem">The RSA private key, PEM (PKCS#1 or PKCS#8).</param>
    /// <param name="keyId">Optional <c>kid</c> header, so the server can pick the key (key rotation).</param>
    /// <param name="masker">Learns the key and every assertion before anything can print them.</param>
    /// <param name="time">Issued-at, not-before and expiry come from this clock.</param>
    public JwtAssertionTokenSource(HttpClient http, Uri tokenUri, string clientId, string privateKeyPem, string? keyId, SecretMasker masker, TimeProvider time)
        : base(http, tokenUri, masker, time)
    {
        MaskPrivateKey(privateKeyPem, masker);
        _clientId = clientId;
        _key = RSA.Create();
        try
        {
            _key.ImportFromPem(privateKeyPem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            _key.Dispose();
            throw new Configuration.ConfigurationException("GENESYSCLOUD_JWT_PRIVATE_KEY is not an RSA private key in PEM form (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----).", e);
        }

        // The default factory caches signers by the key's thumbprint across instances: a disposed source's
        // RSA object would be reused by the next source holding the same key. This source owns its key.
        var key = new RsaSecurityKey(_key) { KeyId = keyId, CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false } };
        _signing = new SigningCredentials(key, SecurityAlgorithms.RsaSha256);
    }

    public override string Description =>
        $"a JWT client assertion (client {Shorten(_clientId)}) at {TokenUri.GetLeftPart(UriPartial.Authority)}";

    /// <summary>A freshly signed assertion (public for the tests that tamper with it).</summary>
    public string CreateAssertion()
    {
        var now = Time.GetUtcNow().UtcDateTime;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _clientId,
            Audience = TokenUri.ToString(),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + AssertionLifetime,
            SigningCredentials = _signing,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = _clientId,
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
            },
        });
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _key.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override HttpRequestMessage CreateRequest()
    {
        var assertion = CreateAssertion();
        Masker.Add(assertion);
        return new HttpRequestMessage(HttpMethod.Post, TokenUri)
        {
            Content = new FormUrlEncodedContent(
            [
                new("grant_type", "client_credentials"),
                new("client_id", _clientId),
                new("client_assertion_type", ClientAssertionType),
                new("client_assertion", assertion),
            ]),
        };
    }

    /// <summary>The whole PEM and each line of its body: a log that prints one line of a key leaks it too.</summary>
    private static void MaskPrivateKey(string pem, SecretMasker masker)
    {
        masker.Add(pem);
        foreach (var line in pem.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!line.StartsWith("-----", StringComparison.Ordinal))
            {
                masker.Add(line);
            }
        }
    }
}
