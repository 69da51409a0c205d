using System.Security.Cryptography;
using System.Web;
using CxAsCode.Auth;
using CxAsCode.Configuration;
using CxAsCode.Http;
using CxAsCode.Tests.Http;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CxAsCode.Tests.Auth;

public sealed class JwtAssertionTokenSourceTests
{
    private const string ClientId = "9c1d77aa-jwt-client";

    private WireMockServer _server = null!;
    private HttpClient _http = null!;
    private RSA _key = null!;
    private SecretMasker _masker = null!;
    private FakeTimeProvider _time = null!;

    [OneTimeSetUp]
    public void StartServer()
    {
        _server = WireMockServer.Start();
        _http = new HttpClient();
        _key = RSA.Create(2048); // made per run: no private key is ever committed
    }

    [SetUp]
    public void ResetServer()
    {
        _server.Reset();
        _masker = new SecretMasker();
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));
    }

    [OneTimeTearDown]
    public void StopServer()
    {
        _key.Dispose();
        _http.Dispose();
        _server.Dispose();
    }

    private Uri TokenUri => new(_server.Url + "/oauth/token");

    [Test]
    public async Task GetTokenAsync_FirstCall_PostsClientAssertionThatVerifiesWithThePublicKey()
    {
        GivenToken("jwt-issued-token-0001");
        using var source = CreateSource(keyId: "key-2026-12");

        var token = await source.GetTokenAsync(CancellationToken.None);

        var form = HttpUtility.ParseQueryString(_server.Requests().Single().Body()!);
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(form["client_assertion"], new TokenValidationParameters
        {
            ValidIssuer = ClientId,
            ValidAudience = TokenUri.ToString(),
            IssuerSigningKey = new RsaSecurityKey(_key.ExportParameters(includePrivateParameters: false)),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            LifetimeValidator = (_, _, _, _) => true, // the fake clock is not the validator's clock
        });
        var jwt = (JsonWebToken)validation.SecurityToken;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(token, Is.EqualTo("jwt-issued-token-0001"));
            Assert.That(form["grant_type"], Is.EqualTo("client_credentials"));
            Assert.That(form["client_id"], Is.EqualTo(ClientId));
            Assert.That(form["client_assertion_type"], Is.EqualTo("urn:ietf:params:oauth:client-assertion-type:jwt-bearer"));
            Assert.That(validation.IsValid, Is.True, validation.Exception?.Message);
            Assert.That(jwt.Alg, Is.EqualTo("RS256"));
            Assert.That(jwt.Kid, Is.EqualTo("key-2026-12"));
            Assert.That(jwt.Subject, Is.EqualTo(ClientId));
            Assert.That(jwt.IssuedAt, Is.EqualTo(_time.GetUtcNow().UtcDateTime));
            Assert.That(jwt.ValidFrom, Is.EqualTo(_time.GetUtcNow().UtcDateTime));
            Assert.That(jwt.ValidTo - jwt.IssuedAt, Is.LessThanOrEqualTo(TimeSpan.FromMinutes(5)).And.GreaterThan(TimeSpan.Zero));
            Assert.That(jwt.Id, Is.Not.Empty);
            Assert.That(_server.Requests().Single().Header("Authorization"), Is.Null);
        }
    }

    [Test]
    public async Task GetTokenAsync_TokenRenewed_EachRequestHasAFreshJti()
    {
        GivenToken("jwt-issued-token-0002", expiresIn: 120);
        using var source = CreateSource();

        await source.GetTokenAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));
        await source.GetTokenAsync(CancellationToken.None);

        var ids = _server.Requests()
            .Select(r => new JsonWebToken(HttpUtility.ParseQueryString(r.Body()!)["client_assertion"]).Id)
            .ToList();
        Assert.That(ids, Has.Count.EqualTo(2).And.Unique);
    }

    [Test]
    public void GetTokenAsync_EndpointEchoesTheAssertionInItsRefusal_MessageHoldsNoAssertionOrKey()
    {
        _server.Given(Request.Create().WithPath("/oauth/token").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(401).WithBody(request => $$"""{"error":"invalid_client","error_description":"bad assertion {{HttpUtility.ParseQueryString(request.Body!)["client_assertion"]}}"}"""));
        var pem = _key.ExportPkcs8PrivateKeyPem();
        using var source = new JwtAssertionTokenSource(_http, TokenUri, ClientId, pem, null, _masker, _time);

        var failure = Assert.ThrowsAsync<ApiAuthenticationException>(async () => await source.GetTokenAsync(CancellationToken.None));

        var assertion = HttpUtility.ParseQueryString(_server.Requests().Single().Body()!)["client_assertion"]!;
        var keyLine = pem.Split('\n')[1];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(failure!.Message, Does.Contain("bad assertion"));
            Assert.That(failure.Message, Does.Not.Contain(assertion));
            Assert.That(failure.Message, Does.Not.Contain(assertion[..40]));
            Assert.That(_masker.Apply("key: " + keyLine), Is.EqualTo("key: ***"));
        }
    }

    [Test]
    public void Constructor_NotAPrivateKey_ConfigurationErrorWithoutTheValue()
    {
        var failure = Assert.Throws<ConfigurationException>(() => new JwtAssertionTokenSource(_http, TokenUri, ClientId, "not-a-pem-value-1234", null, _masker, _time));

        Assert.That(failure!.Message, Does.Contain("GENESYSCLOUD_JWT_PRIVATE_KEY").And.Not.Contain("not-a-pem-value-1234"));
    }

    private JwtAssertionTokenSource CreateSource(string? keyId = null) =>
        new(_http, TokenUri, ClientId, _key.ExportPkcs8PrivateKeyPem(), keyId, _masker, _time);

    private void GivenToken(string token, int expiresIn = 86400) =>
        _server.Given(Request.Create().WithPath("/oauth/token").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody($$"""{"access_token":"{{token}}","token_type":"bearer","expires_in":{{expiresIn}}}"""));
}
