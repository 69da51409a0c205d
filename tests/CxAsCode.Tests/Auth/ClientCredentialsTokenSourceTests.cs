using System.Text;
using CxAsCode.Auth;
using CxAsCode.Http;
using CxAsCode.Tests.Http;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CxAsCode.Tests.Auth;

public sealed class ClientCredentialsTokenSourceTests
{
    private const string ClientId = "3f9a1c2e-client";
    private const string ClientSecret = "Sup3r/Secret+Value=";

    private WireMockServer _server = null!;
    private HttpClient _http = null!;
    private SecretMasker _masker = null!;
    private FakeTimeProvider _time = null!;

    [OneTimeSetUp]
    public void StartServer()
    {
        _server = WireMockServer.Start();
        _http = new HttpClient();
    }

    [SetUp]
    public void ResetServer()
    {
        _server.Reset();
        _masker = new SecretMasker();
        _time = new FakeTimeProvider();
    }

    [OneTimeTearDown]
    public void StopServer()
    {
        _http.Dispose();
        _server.Dispose();
    }

    [Test]
    public async Task GetTokenAsync_FirstCall_PostsClientCredentialsGrantWithBasicAuth()
    {
        GivenTokens(("token-one-aaaa", 86400));
        using var source = CreateSource();

        var token = await source.GetTokenAsync(CancellationToken.None);

        var request = _server.Requests().Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(token, Is.EqualTo("token-one-aaaa"));
            Assert.That(request.Method(), Is.EqualTo("POST"));
            Assert.That(request.Request().Path, Is.EqualTo("/oauth/token"));
            Assert.That(request.Header("Authorization"), Is.EqualTo("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{ClientSecret}"))));
            Assert.That(request.Header("Content-Type"), Does.StartWith("application/x-www-form-urlencoded"));
            Assert.That(request.Body(), Is.EqualTo("grant_type=client_credentials"));
        }
    }

    [Test]
    public async Task GetTokenAsync_BeforeExpiry_ReusesTheCachedToken()
    {
        GivenTokens(("token-one-aaaa", 3600), ("token-two-bbbb", 3600));
        using var source = CreateSource();

        var first = await source.GetTokenAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(3500)); // still more than the one-minute refresh margin left
        var second = await source.GetTokenAsync(CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(second, Is.EqualTo(first));
            Assert.That(_server.LogEntries, Has.Count.EqualTo(1));
        }
    }

    [Test]
    public async Task GetTokenAsync_PastExpiresIn_FetchesANewToken()
    {
        GivenTokens(("token-one-aaaa", 3600), ("token-two-bbbb", 3600));
        using var source = CreateSource();

        var first = await source.GetTokenAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(3601));
        var second = await source.GetTokenAsync(CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.EqualTo("token-one-aaaa"));
            Assert.That(second, Is.EqualTo("token-two-bbbb"));
            Assert.That(_server.LogEntries, Has.Count.EqualTo(2));
        }
    }

    [Test]
    public async Task GetTokenAsync_WithinTheRefreshMarginBeforeExpiry_FetchesANewToken()
    {
        GivenTokens(("token-one-aaaa", 3600), ("token-two-bbbb", 3600));
        using var source = CreateSource();

        await source.GetTokenAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(3550));
        var second = await source.GetTokenAsync(CancellationToken.None);

        Assert.That(second, Is.EqualTo("token-two-bbbb"));
    }

    [Test]
    public async Task Invalidate_AfterAToken_MakesTheNextCallFetchAgain()
    {
        GivenTokens(("token-one-aaaa", 86400), ("token-two-bbbb", 86400));
        using var source = CreateSource();

        await source.GetTokenAsync(CancellationToken.None);
        source.Invalidate();
        var second = await source.GetTokenAsync(CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(second, Is.EqualTo("token-two-bbbb"));
            Assert.That(_server.LogEntries, Has.Count.EqualTo(2));
        }
    }

    [Test]
    public async Task GetTokenAsync_ConcurrentCalls_FetchOnce()
    {
        _server.Given(Request.Create().WithPath("/oauth/token").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromMilliseconds(100))
                .WithBody("""{"access_token":"shared-token-cccc","token_type":"bearer","expires_in":86400}"""));
        using var source = CreateSource();

        var tokens = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => source.GetTokenAsync(CancellationToken.None).AsTask()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(tokens, Is.All.EqualTo("shared-token-cccc"));
            Assert.That(_server.LogEntries, Has.Count.EqualTo(1));
        }
    }

    [Test]
    public async Task GetTokenAsync_NewToken_IsMaskedFromThenOn()
    {
        GivenTokens(("token-one-aaaa", 86400));
        using var source = CreateSource();

        var token = await source.GetTokenAsync(CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_masker.Apply("Bearer " + token), Is.EqualTo("Bearer ***"));
            Assert.That(_masker.Apply("secret " + ClientSecret), Is.EqualTo("secret ***"), "the secret is registered on construction");
        }
    }

    [Test]
    public async Task GetTokenAsync_ErrorBody_ThrowsAuthenticationErrorWithTheDescriptionAndNoSecret()
    {
        _server.Given(Request.Create().WithPath("/oauth/token").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(400).WithBody(
                $$"""{"error":"invalid_client","description":"Invalid client credentials","error_description":"client secret {{ClientSecret}} does not match (Basic {{Base64($"{ClientId}:{ClientSecret}")}})"}"""));
        using var source = CreateSource();

        ApiAuthenticationException? error = null;
        try
        {
            await source.GetTokenAsync(CancellationToken.None);
        }
        catch (ApiAuthenticationException e)
        {
            error = e;
        }

        Assert.That(error, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.Status, Is.EqualTo(400));
            Assert.That(error.Message, Does.Contain("client secret *** does not match (Basic ***)"));
            Assert.That(error.Message, Does.Not.Contain(ClientSecret).And.Not.Contain(Base64(ClientSecret)).And.Not.Contain(Base64($"{ClientId}:{ClientSecret}")));
        }
    }

    [Test]
    public async Task GetTokenAsync_ErrorWithoutDescription_UsesTheErrorCode()
    {
        _server.Given(Request.Create().WithPath("/oauth/token").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(401).WithBody("""{"error":"unauthorized_client"}"""));
        using var source = CreateSource();

        await Assert.ThatAsync(
            () => source.GetTokenAsync(CancellationToken.None).AsTask(),
            Throws.TypeOf<ApiAuthenticationException>().With.Message.Contains("unauthorized_client"));
    }

    [Test]
    public async Task GetTokenAsync_SuccessWithoutAccessToken_ThrowsAuthenticationError()
    {
        _server.Given(Request.Create().WithPath("/oauth/token").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"token_type":"bearer"}"""));
        using var source = CreateSource();

        await Assert.ThatAsync(
            () => source.GetTokenAsync(CancellationToken.None).AsTask(),
            Throws.TypeOf<ApiAuthenticationException>().With.Message.Contains("HTTP 200"));
    }

    [Test]
    public void Description_Always_NamesTheHostAndAShortClientIdButNeverTheSecret()
    {
        using var source = CreateSource();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(source.Description, Does.Contain("3f9a1c2e…").And.Contain(new Uri(_server.Url!).GetLeftPart(UriPartial.Authority)));
            Assert.That(source.Description, Does.Not.Contain(ClientId).And.Not.Contain(ClientSecret));
        }
    }

    private ClientCredentialsTokenSource CreateSource() =>
        new(_http, new Uri(_server.Url!), ClientId, ClientSecret, _masker, _time);

    /// <summary>The token endpoint answers these tokens in order (the last one repeats).</summary>
    private void GivenTokens(params (string Token, int ExpiresIn)[] tokens)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            var mapping = _server.Given(Request.Create().WithPath("/oauth/token").UsingPost()).InScenario("tokens");
            if (i > 0)
            {
                mapping = mapping.WhenStateIs($"issued-{i}");
            }

            if (i < tokens.Length - 1)
            {
                mapping = mapping.WillSetStateTo($"issued-{i + 1}");
            }

            mapping.RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody($$"""{"access_token":"{{tokens[i].Token}}","token_type":"bearer","expires_in":{{tokens[i].ExpiresIn}}}"""));
        }
    }

    private static string Base64(string value) => Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
}
