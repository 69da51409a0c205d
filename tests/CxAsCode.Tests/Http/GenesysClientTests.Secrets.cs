using System.Text;
using CxAsCode.Http;
using Newtonsoft.Json.Linq;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CxAsCode.Tests.Http;

public sealed partial class GenesysClientTests
{
    private const string SecretClientId = "cx-client-id-0001";
    private const string ClientSecret = "S3cr3t/Value+With=Chars";
    private const string IssuedToken = "eyJhbGciOi.issued-token.sig_123";

    [Test]
    public async Task SendAsync_ErrorBodyEchoingEverySecret_MasksThemInMessageAndBody()
    {
        GivenTokenEndpoint();
        var echoed = $"Bearer {IssuedToken} | Basic {BasicValue()} | raw {ClientSecret} | b64 {Base64(ClientSecret)} | url {Uri.EscapeDataString(ClientSecret)}";
        _server.Given(Request.Create().WithPath(QueuesPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(500).WithBody(new JObject
            {
                ["message"] = "Internal error; request was " + echoed,
                ["code"] = "internal.server.error",
                ["status"] = 500,
                ["details"] = new JArray(new JObject { ["fieldName"] = echoed }),
            }.ToString(Newtonsoft.Json.Formatting.None)));
        var client = CreateClient(tokens: SecretClientCredentials());

        var error = await CatchAsync<ApiException>(() => client.SendAsync(HttpMethod.Post, QueuesPath, new JObject(), CancellationToken.None));

        AssertNoSecret(error.Message);
        AssertNoSecret(error.Body!.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Message, Does.Contain("Bearer ***").And.Contain("Basic ***").And.Contain("raw ***").And.Contain("b64 ***").And.Contain("url ***"));
            Assert.That((string?)error.Body!["details"]![0]!["fieldName"], Does.Contain("***"));
            Assert.That(error.Code, Is.EqualTo("internal.server.error"));
        }
    }

    [Test]
    public async Task SendAsync_ErrorBodyEchoingTheAuthorizationHeader_MasksTheBearerToken()
    {
        GivenTokenEndpoint();
        _server.Given(Request.Create().WithPath(QueuesPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(500).WithTransformer()
                .WithBody("""{"message":"you sent {{request.headers.Authorization}}","code":"internal.server.error","status":500}"""));
        var client = CreateClient(tokens: SecretClientCredentials());

        var error = await CatchAsync<ApiException>(() => client.SendAsync(HttpMethod.Post, QueuesPath, new JObject(), CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_server.Requests(QueuesPath).Single().Header("Authorization"), Is.EqualTo("Bearer " + IssuedToken), "the server did see the token");
            Assert.That(error.Message, Does.Contain("you sent Bearer ***"));
            Assert.That((string?)error.Body!["message"], Is.EqualTo("you sent Bearer ***"));
        }

        AssertNoSecret(error.Message);
    }

    [Test]
    public async Task SendAsync_401EchoingThePreIssuedToken_MasksIt()
    {
        _server.Given(Request.Create().WithPath(QueuesPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(401).WithBody(ErrorBody(401, "bad.credentials", $"token {Token} is expired; Base64 {Base64(Token)}")));
        var client = CreateClient();

        var error = await CatchAsync<ApiAuthenticationException>(() => client.GetAsync(QueuesPath, CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Message, Does.Not.Contain(Token).And.Not.Contain(Base64(Token)).And.Contain("token *** is expired"));
            Assert.That(error.Body!.ToString(), Does.Not.Contain(Token));
        }
    }

    [Test]
    public async Task SendAsync_LongNonJsonErrorBodyWithSecretAtTheCut_LeaksNoPartOfIt()
    {
        GivenTokenEndpoint();
        var text = new string('x', 180) + " " + IssuedToken + " trailing text";
        _server.Given(Request.Create().WithPath(QueuesPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(502).WithBody(text));
        var client = CreateClient(tokens: SecretClientCredentials());

        var error = await CatchAsync<ApiException>(() => client.SendAsync(HttpMethod.Post, QueuesPath, new JObject(), CancellationToken.None));

        Assert.That(error.Message, Does.Not.Contain(IssuedToken[..12]).And.Contain("***"));
    }

    [Test]
    public async Task SendAsync_ErrorBodyEchoingASecretWithQuoteAndBackslash_MasksItInBody()
    {
        const string secret = "ab\"cd\\efgh";
        _masker.Add(secret);
        _server.Given(Request.Create().WithPath(QueuesPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(500).WithBody(new JObject { ["message"] = "failed", ["echo"] = "secret " + secret }.ToString()));
        var client = CreateClient();

        var error = await CatchAsync<ApiException>(() => client.SendAsync(HttpMethod.Post, QueuesPath, new JObject(), CancellationToken.None));

        Assert.That((string?)error.Body!["echo"], Is.EqualTo("secret ***"));
    }

    private void GivenTokenEndpoint() =>
        _server.Given(Request.Create().WithPath("/oauth/token").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(new JObject
            {
                ["access_token"] = IssuedToken,
                ["token_type"] = "bearer",
                ["expires_in"] = 86400,
            }.ToString()));

    private CxAsCode.Auth.ClientCredentialsTokenSource SecretClientCredentials() =>
        Track(new CxAsCode.Auth.ClientCredentialsTokenSource(Track(new HttpClient()), new Uri(_server.Url!), SecretClientId, ClientSecret, _masker, TimeProvider.System));

    private static void AssertNoSecret(string text)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Not.Contain(IssuedToken), "bearer token");
            Assert.That(text, Does.Not.Contain(BasicValue()), "Basic header value");
            Assert.That(text, Does.Not.Contain(ClientSecret), "raw client secret");
            Assert.That(text, Does.Not.Contain(Base64(ClientSecret)), "Base64 client secret");
            Assert.That(text, Does.Not.Contain(Uri.EscapeDataString(ClientSecret)), "URL-encoded client secret");
        }
    }

    private static string BasicValue() => Base64($"{SecretClientId}:{ClientSecret}");

    private static string Base64(string value) => Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
}
