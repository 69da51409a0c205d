using System.Net;
using System.Security.Cryptography;
using System.Text;
using CxAsCode.Auth;
using CxAsCode.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Sandbox;

/// <summary>Test-plan item 27: the sandbox's token endpoint accepts the engine's RFC 7523 assertions and
/// rejects every tampered variant, each for its own stated reason.</summary>
public sealed class JwtAssertionTests : SandboxFixture
{
    private const string ClientId = "jwt-pipeline";
    private const string KeyId = "key-2026-12";

    private RSA _key = null!;
    private RSA _otherKey = null!;

    private Uri TokenUri => new(Sandbox.Http.BaseAddress!, "oauth/token");

    [OneTimeSetUp]
    public void CreateKeys()
    {
        // Made per run: no private key is ever committed.
        _key = RSA.Create(2048);
        _otherKey = RSA.Create(2048);
    }

    [OneTimeTearDown]
    public void DisposeKeys()
    {
        _key.Dispose();
        _otherKey.Dispose();
    }

    [SetUp]
    public Task RegisterClientAsync() => RegisterAsync(ClientId, (KeyId, _key));

    [Test]
    public async Task Token_EngineAssertion_IsAcceptedAndItsTokenCallsTheApi()
    {
        using var http = new HttpClient();
        using var source = new JwtAssertionTokenSource(http, TokenUri, ClientId, _key.ExportPkcs8PrivateKeyPem(), KeyId, new SecretMasker(), Time);

        var token = await source.GetTokenAsync(CancellationToken.None);
        var (status, _) = await Sandbox.ApiAsAsync(token, HttpMethod.Get, "api/v2/routing/skills");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Token_JwtBearerGrantWithAssertion_IsAccepted()
    {
        using var response = await PostAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer",
            ["assertion"] = Sign(Claims()),
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [TestCaseSource(nameof(Tampered))]
    public async Task Token_TamperedAssertion_Is401InvalidClientSayingWhy(string name, Func<JwtAssertionTests, string> assertion, string reason)
    {
        var (status, body) = await RequestAsync(assertion(this));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized), name);
            Assert.That((string?)body["error"], Is.EqualTo("invalid_client"));
            Assert.That((string?)body["error_description"], Does.Contain(reason), name);
        }
    }

    [Test]
    public async Task Token_SameAssertionTwice_SecondIsRefusedAsReplay()
    {
        var assertion = Sign(Claims());

        var first = await RequestAsync(assertion);
        var second = await RequestAsync(assertion);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(second.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((string?)second.Body["error_description"], Does.Contain("jti was already used"));
        }
    }

    [Test]
    public async Task Token_ForgeryWithAGenuineJti_DoesNotBurnThatJti()
    {
        var claims = Claims();
        var forged = await RequestAsync(Sign(claims, _otherKey));
        var genuine = await RequestAsync(Sign(claims));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(forged.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(genuine.Status, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task Token_RotatedKeys_EachKidVerifiesWithItsOwnKey()
    {
        await RegisterAsync("jwt-rotating", ("old", _key), ("new", _otherKey));

        var withNew = await RequestAsync(Sign(Claims("jwt-rotating"), _otherKey, "new"));
        var withOld = await RequestAsync(Sign(Claims("jwt-rotating"), _key, "old"));
        var crossed = await RequestAsync(Sign(Claims("jwt-rotating"), _key, "new"));
        var noKid = await RequestAsync(Sign(Claims("jwt-rotating"), _key, kid: null));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(withNew.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(withOld.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(crossed.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(noKid.Status, Is.EqualTo(HttpStatusCode.Unauthorized), "two keys and no kid: the server must not guess");
        }
    }

    [Test]
    public async Task RegisterClient_PrivateKeyPem_IsRefusedSoNoPrivateKeyIsHeld()
    {
        using var response = await Sandbox.SendAsync(HttpMethod.Post, "sandbox/clients", new
        {
            clientId = "careless",
            publicKeys = new[] { new { keyId = "k", pem = _key.ExportPkcs8PrivateKeyPem() } },
            grants = new[] { new { division = "*", permissions = new[] { "*" } } },
        }, token: string.Empty);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Token_KeyOnlyClient_CannotUseBasicAuthWithAnEmptySecret()
    {
        using var response = await Sandbox.RequestTokenAsync(ClientId, string.Empty);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    private static IEnumerable<TestCaseData> Tampered()
    {
        static TestCaseData Case(string name, Func<JwtAssertionTests, string> assertion, string reason) =>
            new TestCaseData(name, assertion, reason).SetArgDisplayNames(name);

        yield return Case("alg none", t => Unsigned(t.Claims()), "alg 'none'");
        yield return Case("alg HS256 keyed with the public key", t => t.SignHmacWithPublicKey(t.Claims()), "alg 'HS256'");
        yield return Case("alg RS384", t => t.Sign(t.Claims(), algorithm: SecurityAlgorithms.RsaSha384), "alg 'RS384'");
        yield return Case("unknown iss", t => t.Sign(t.Claims(issuer: "someone-else")), "iss is not a known client");
        yield return Case("sub differs from iss", t => t.Sign(With(t.Claims(), "sub", "another-subject")), "sub must equal iss");
        yield return Case("aud another endpoint", t => t.Sign(With(t.Claims(), "aud", "https://login.mypurecloud.com/oauth/token")), "aud must be this token endpoint");
        yield return Case("exp missing", t => t.Sign(Without(t.Claims(), "exp")), "exp is required");
        yield return Case("iat missing", t => t.Sign(Without(t.Claims(), "iat")), "iat is required");
        yield return Case("exp - iat over 300 s", t => t.Sign(With(t.Claims(), "exp", t.Epoch(TimeSpan.FromSeconds(301)))), "exp - iat is more than 300 s");
        yield return Case("expired", t => t.Sign(t.Claims(issuedAt: TimeSpan.FromMinutes(-10))), "has expired");
        yield return Case("nbf in the future", t => t.Sign(With(t.Claims(), "nbf", t.Epoch(TimeSpan.FromMinutes(2)))), "not valid yet");
        yield return Case("jti missing", t => t.Sign(Without(t.Claims(), "jti")), "jti is required");
        yield return Case("signed by another key", t => t.Sign(t.Claims(), t._otherKey), "signature does not verify");
        yield return Case("payload edited after signing", t => EditPayload(t.Sign(t.Claims())), "signature does not verify");
        yield return Case("unknown kid", t => t.Sign(t.Claims(), kid: "key-2019-01"), "kid 'key-2019-01' is not a key of this client");
        yield return Case("not a JWT", _ => "not-a-jwt", "not a JWT");
    }

    private async Task RegisterAsync(string clientId, params (string KeyId, RSA Key)[] keys) =>
        await Sandbox.AdminAsync(HttpMethod.Post, "sandbox/clients", new
        {
            clientId,
            publicKeys = keys.Select(k => new { keyId = k.KeyId, pem = k.Key.ExportSubjectPublicKeyInfoPem() }).ToArray(),
            grants = new[] { new { division = "*", permissions = new[] { "*" } } },
        });

    private async Task<(HttpStatusCode Status, JObject Body)> RequestAsync(string assertion)
    {
        using var response = await PostAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            ["client_assertion"] = assertion,
        });
        return (response.StatusCode, (JObject)SandboxClient.Parse(await response.Content.ReadAsStringAsync()));
    }

    private Task<HttpResponseMessage> PostAsync(Dictionary<string, string> form) =>
        Sandbox.Http.PostAsync("oauth/token", new FormUrlEncodedContent(form));

    private Dictionary<string, object> Claims(string clientId = ClientId, string? issuer = null, TimeSpan issuedAt = default) => new()
    {
        ["iss"] = issuer ?? clientId,
        ["sub"] = issuer ?? clientId,
        ["aud"] = TokenUri.ToString(),
        ["iat"] = Epoch(issuedAt),
        ["nbf"] = Epoch(issuedAt),
        ["exp"] = Epoch(issuedAt + TimeSpan.FromMinutes(2)),
        ["jti"] = Guid.NewGuid().ToString("N"),
    };

    private long Epoch(TimeSpan fromNow) => (Time.GetUtcNow() + fromNow).ToUnixTimeSeconds();

    private static Dictionary<string, object> With(Dictionary<string, object> claims, string name, object value)
    {
        claims[name] = value;
        return claims;
    }

    private static Dictionary<string, object> Without(Dictionary<string, object> claims, string name)
    {
        claims.Remove(name);
        return claims;
    }

    private string Sign(Dictionary<string, object> claims, RSA? key = null, string? kid = KeyId, string algorithm = SecurityAlgorithms.RsaSha256) =>
        Create(claims, new SigningCredentials(new RsaSecurityKey(key ?? _key) { KeyId = kid }, algorithm));

    private string SignHmacWithPublicKey(Dictionary<string, object> claims) =>
        Create(claims, new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(_key.ExportSubjectPublicKeyInfoPem())) { KeyId = KeyId }, SecurityAlgorithms.HmacSha256));

    private static string Unsigned(Dictionary<string, object> claims) => Create(claims, signing: null);

    private static string EditPayload(string jwt)
    {
        var parts = jwt.Split('.');
        var payload = JObject.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])));
        payload["sub"] = payload["iss"] = ClientId; // same values, re-encoded with a new field: any byte change must fail
        payload["admin"] = true;
        parts[1] = Base64UrlEncoder.Encode(payload.ToString(Newtonsoft.Json.Formatting.None));
        return string.Join('.', parts);
    }

    private static string Create(Dictionary<string, object> claims, SigningCredentials? signing) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            SigningCredentials = signing,
        });
}
