using CxAsCode.Auth;
using CxAsCode.Configuration;
using CxAsCode.Http;
using CxAsCode.Tests.Http;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CxAsCode.Tests.Configuration;

public sealed class ConnectionTests
{
    private const string ClientId = "conn-client-id";
    private const string ClientSecret = "conn-client-secret-xyz";

    private string _root = null!;
    private SecretMasker _masker = null!;

    [SetUp]
    public void CreateRepository()
    {
        // An empty repository: no sandbox is built there, so nothing could start by accident.
        _root = Path.Combine(Path.GetTempPath(), "cxascode-conn-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_root);
        _masker = new SecretMasker();
    }

    [TearDown]
    public void DeleteRepository() => Directory.Delete(_root, recursive: true);

    [Test]
    public async Task OpenAsync_ClientCredentialsAndRegion_UsesTheRegionsHosts()
    {
        using var connection = await OpenAsync("dev", Credentials(("GENESYSCLOUD_REGION", "eu-west-1")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(connection.ApiBase.ToString(), Is.EqualTo("https://api.mypurecloud.ie/"));
            Assert.That(connection.IsSandbox, Is.False);
            Assert.That(connection.Tokens, Is.TypeOf<ClientCredentialsTokenSource>());
            Assert.That(connection.Tokens.Description, Does.Contain("https://login.mypurecloud.ie"));
            Assert.That(connection.Description, Does.Not.Contain(ClientSecret));
            Assert.That(_masker.Apply(ClientSecret), Is.EqualTo("***"));
        }
    }

    [Test]
    public async Task OpenAsync_NoRegion_DefaultsToUsEast1()
    {
        using var connection = await OpenAsync("dev", Credentials());

        Assert.That(connection.ApiBase.ToString(), Is.EqualTo("https://api.mypurecloud.com/"));
    }

    [Test]
    public async Task OpenAsync_ApiUrlOnAnotherHost_UsesTheSameHostForLogin()
    {
        using var connection = await OpenAsync("dev", Credentials(("GENESYSCLOUD_API_URL", "http://127.0.0.1:1234")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(connection.ApiBase.ToString(), Is.EqualTo("http://127.0.0.1:1234/"));
            Assert.That(connection.Tokens.Description, Does.EndWith("at http://127.0.0.1:1234"));
        }
    }

    [Test]
    public async Task OpenAsync_ApiUrlOnAnotherHost_FetchesTokensFromThatHost()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/oauth/token").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"access_token":"gateway-token-1234","token_type":"bearer","expires_in":3600}"""));
        using var connection = await OpenAsync("dev", Credentials(("GENESYSCLOUD_API_URL", server.Url)));

        var token = await connection.Tokens.GetTokenAsync(CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(token, Is.EqualTo("gateway-token-1234"));
            Assert.That(server.Requests().Select(e => e.Request().Path), Is.EqualTo(new[] { "/oauth/token" }));
        }
    }

    [Test]
    public async Task OpenAsync_ApiUrlOnAnApiHost_UsesTheMatchingLoginHost()
    {
        using var connection = await OpenAsync("dev", Credentials(("GENESYSCLOUD_API_URL", "https://api.mypurecloud.de")));

        Assert.That(connection.Tokens.Description, Does.EndWith("at https://login.mypurecloud.de"));
    }

    [Test]
    public async Task OpenAsync_LoginUrlGiven_OverridesTheLoginHost()
    {
        using var connection = await OpenAsync("dev", Credentials(("GENESYSCLOUD_REGION", "eu-west-1"), ("GENESYSCLOUD_LOGIN_URL", "https://oauth.example.test")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(connection.ApiBase.ToString(), Is.EqualTo("https://api.mypurecloud.ie/"));
            Assert.That(connection.Tokens.Description, Does.EndWith("at https://oauth.example.test"));
        }
    }

    [Test]
    public async Task OpenAsync_AccessToken_UsesItAsIsAndMasksIt()
    {
        using var connection = await OpenAsync("prod", Env(("GENESYSCLOUD_ACCESS_TOKEN", "pre-issued-token-abcd"), ("GENESYSCLOUD_REGION", "eu-central-1")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(connection.Tokens, Is.TypeOf<AccessTokenSource>());
            Assert.That(connection.ApiBase.ToString(), Is.EqualTo("https://api.mypurecloud.de/"));
            Assert.That(_masker.Apply("pre-issued-token-abcd"), Is.EqualTo("***"));
        }
    }

    [Test]
    public async Task OpenAsync_TutorialNamesForJwtMode_AssertionSourceAtTheTokenUrlWithNotices()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var pem = rsa.ExportPkcs8PrivateKeyPem();
        using var connection = await OpenAsync("dev", Env(
            ("GENESYS_CLIENT_ID", "jwt-client-0001"),
            ("GENESYS_JWT_PRIVATE_KEY", pem),
            ("GENESYS_SUBDOMAIN", "eu-west-1"),
            ("GENESYSCLOUD_TOKEN_URL", "https://gateway.example.test/oauth2/token")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(connection.Tokens, Is.TypeOf<JwtAssertionTokenSource>());
            Assert.That(connection.Tokens.Description, Does.StartWith("a JWT client assertion (client jwt-clie…) at https://gateway.example.test"));
            Assert.That(connection.ApiBase.ToString(), Is.EqualTo("https://api.mypurecloud.ie/"));
            Assert.That(connection.Notices, Has.Count.EqualTo(3).And.Some.Contains("rename it to GENESYSCLOUD_JWT_PRIVATE_KEY"));
            Assert.That(_masker.Apply(pem), Is.EqualTo("***"));
        }
    }

    [TestCase("ftp://example.test")]
    [TestCase("not a url")]
    [TestCase("/relative/path")]
    [TestCase("https://gateway.example.test/genesys")]
    [TestCase("https://api.mypurecloud.ie/?x=1")]
    public void OpenAsync_ApiUrlNotAbsoluteHttp_ThrowsNamingTheVariable(string value) =>
        Assert.That(
            () => OpenAsync("dev", Credentials(("GENESYSCLOUD_API_URL", value))),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("GENESYSCLOUD_API_URL"));

    [Test]
    public void OpenAsync_UnknownRegion_Throws() =>
        Assert.That(
            () => OpenAsync("dev", Credentials(("GENESYSCLOUD_REGION", "moon-1"))),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("moon-1"));

    [Test]
    public void OpenAsync_NoCredentialsForProd_RefusesTheSandbox()
    {
        Assert.That(
            () => OpenAsync("prod", Env()),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("prod").And.Message.Contains("never falls back to the sandbox"));
        Assert.That(Directory.Exists(Path.Combine(_root, ".sandbox")), Is.False);
    }

    [Test]
    public void OpenAsync_OnlyAClientId_RefusedNamingTheMissingSecret()
    {
        Assert.That(
            () => OpenAsync("dev", Env(("GENESYSCLOUD_OAUTHCLIENT_ID", ClientId))),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("GENESYSCLOUD_OAUTHCLIENT_SECRET is not"));
        Assert.That(Directory.Exists(Path.Combine(_root, ".sandbox")), Is.False, "no silent fall-back to the sandbox");
    }

    [Test]
    public void SandboxCommandLine_AnyWorkingFolder_KeepsTheOrgInTheRepositorysSandboxFolder()
    {
        // The Sandbox target once wrote build/.sandbox: Cake runs the script from build/.
        var options = new PipelineOptions { RepositoryRoot = _root, SandboxPort = 9001 };

        var commandLine = Connection.SandboxCommandLine(options);

        Assert.That(commandLine, Is.EqualTo(new[] { Connection.SandboxAssembly(_root), "--port", "9001", "--data-dir", Path.Combine(_root, ".sandbox"), "--realism", "on" }));
    }

    [TestCase("CI")]
    [TestCase("GITHUB_ACTIONS")]
    public void OpenAsync_NoCredentialsInCi_ThrowsPointingToSandboxFlag(string variable)
    {
        Assert.That(
            () => OpenAsync("dev", Env((variable, "true"))),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("--sandbox").And.Message.Contains("CI"));
        Assert.That(Directory.Exists(Path.Combine(_root, ".sandbox")), Is.False);
    }

    private Task<Connection> OpenAsync(string environment, Func<string, string?> env) =>
        Connection.OpenAsync(new PipelineOptions { RepositoryRoot = _root, Environment = environment }, env, _masker, TimeProvider.System, CancellationToken.None);

    private static Func<string, string?> Credentials(params (string Name, string? Value)[] more) =>
        Env([("GENESYSCLOUD_OAUTHCLIENT_ID", ClientId), ("GENESYSCLOUD_OAUTHCLIENT_SECRET", ClientSecret), .. more]);

    /// <summary>Only these variables exist: the machine's own environment never leaks into a test.</summary>
    private static Func<string, string?> Env(params (string Name, string? Value)[] variables)
    {
        var values = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return name => values.GetValueOrDefault(name);
    }
}
