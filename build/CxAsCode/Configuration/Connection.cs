using CxAsCode.Auth;
using CxAsCode.Hosting;
using CxAsCode.Http;

namespace CxAsCode.Configuration;

/// <summary>
/// Which org this run talks to and how it authenticates, decided once from environment variables by
/// <see cref="CredentialChoice"/>: a pre-issued token, client credentials, or — with no credentials at all,
/// outside CI, never for prod — the local sandbox, started for the run.
/// </summary>
public sealed class Connection : IDisposable
{
    /// <summary>The sandbox's fixed local credentials (public: they protect nothing but a local emulator).</summary>
    public const string SandboxClientId = "cxascode-sandbox";

    /// <summary>The sandbox's fixed local secret.</summary>
    public const string SandboxClientSecret = "sandbox-secret-not-for-production";

    private readonly SandboxProcess? _sandbox;

    private Connection(Uri apiBase, ITokenSource tokens, HttpClient http, string description, SandboxProcess? sandbox, IReadOnlyList<string> notices, Func<ITokenSource>? moreTokens)
    {
        MoreTokens = moreTokens;
        Notices = notices;
        ApiBase = apiBase;
        Tokens = tokens;
        Http = http;
        Description = description;
        _sandbox = sandbox;
    }

    public Uri ApiBase { get; }

    internal ITokenSource Tokens { get; }

    /// <summary>Another token source for the same credentials (a token pool's next token); null when there can
    /// be only one token (a pre-issued access token).</summary>
    internal Func<ITokenSource>? MoreTokens { get; }

    internal HttpClient Http { get; }

    /// <summary>One line for the log: where, and with what kind of credential (never the credential).</summary>
    public string Description { get; }

    public bool IsSandbox => _sandbox is not null;

    /// <summary>Lines worth a person's attention, e.g. a tutorial's variable name read as the preferred one.</summary>
    public IReadOnlyList<string> Notices { get; }

    internal static async Task<Connection> OpenAsync(PipelineOptions options, Func<string, string?> env, SecretMasker masker, TimeProvider time, CancellationToken cancellationToken)
    {
        var notices = new List<string>();
        env = EnvironmentVariables.WithAliases(env, notices);
        var credential = CredentialChoice.Decide(env, options.Environment, options.UseSandbox);
        if (credential.Mode == CredentialMode.Sandbox)
        {
            var sandbox = await SandboxProcess.StartAsync(
                SandboxAssembly(options.RepositoryRoot),
                SandboxDataFolder(options.RepositoryRoot),
                port: 0,
                cancellationToken);
            var http = NewHttpClient();
            ITokenSource SandboxTokens() => new ClientCredentialsTokenSource(http, sandbox.BaseAddress, SandboxClientId, SandboxClientSecret, masker, time);
            return new Connection(sandbox.BaseAddress, SandboxTokens(), http, $"the local sandbox at {sandbox.BaseAddress} (org kept in .sandbox/)", sandbox, notices, SandboxTokens);
        }

        var (apiBase, loginBase) = Hosts(env);
        var client = NewHttpClient();
        ITokenSource NewSource() => credential.Mode switch
        {
            CredentialMode.AccessToken => new AccessTokenSource(credential.AccessToken!, masker),
            CredentialMode.JwtAssertion => new JwtAssertionTokenSource(
                client,
                env(EnvironmentVariables.TokenUrl) is { } tokenUrl ? TokenEndpoint(tokenUrl) : new Uri(loginBase, "/oauth/token"),
                credential.ClientId!,
                credential.PrivateKey!,
                env(EnvironmentVariables.JwtKeyId),
                masker,
                time),
            _ => new ClientCredentialsTokenSource(client, loginBase, credential.ClientId!, credential.ClientSecret!, masker, time),
        };
        var source = NewSource();
        return new Connection(apiBase, source, client, $"{apiBase} with {source.Description}", null, notices, credential.Mode == CredentialMode.AccessToken ? null : NewSource);
    }

    public void Dispose()
    {
        (Tokens as IDisposable)?.Dispose();
        Http.Dispose();
        _sandbox?.Dispose();
    }

    private static HttpClient NewHttpClient() => new() { Timeout = Timeout.InfiniteTimeSpan }; // Polly owns timeouts

    /// <summary>Where ./build.sh builds the sandbox.</summary>
    public static string SandboxAssembly(string repositoryRoot) =>
        Path.Combine(repositoryRoot, "build", "CxAsCode.Sandbox", "bin", "Release", "net10.0", "CxAsCode.Sandbox.dll");

    /// <summary>Where the sandbox keeps its org between runs, the same for the auto-started one and the Sandbox target.</summary>
    public static string SandboxDataFolder(string repositoryRoot) => Path.Combine(Path.GetFullPath(repositoryRoot), ".sandbox");

    /// <summary>The Sandbox target's command line: <c>dotnet</c> and these arguments, in the foreground.</summary>
    public static IReadOnlyList<string> SandboxCommandLine(PipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return [SandboxAssembly(options.RepositoryRoot), "--port", options.SandboxPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data-dir", SandboxDataFolder(options.RepositoryRoot), "--realism", "on"];
    }

    private static (Uri Api, Uri Login) Hosts(Func<string, string?> env)
    {
        var apiUrl = env(EnvironmentVariables.ApiUrl);
        var loginUrl = env(EnvironmentVariables.LoginUrl);
        if (!string.IsNullOrEmpty(apiUrl))
        {
            var api = AbsoluteUri(apiUrl, EnvironmentVariables.ApiUrl);
            // Real hosts are api.{domain} / login.{domain}; anything else (a sandbox, a gateway) serves both.
            var login = !string.IsNullOrEmpty(loginUrl) ? AbsoluteUri(loginUrl, EnvironmentVariables.LoginUrl)
                : api.Host.StartsWith("api.", StringComparison.OrdinalIgnoreCase) ? new UriBuilder(api) { Host = "login." + api.Host[4..] }.Uri
                : api;
            return (api, login);
        }

        var domain = Regions.DomainFor(env(EnvironmentVariables.Region) is { Length: > 0 } region ? region : Regions.Default);
        return (new Uri($"https://api.{domain}"), !string.IsNullOrEmpty(loginUrl) ? AbsoluteUri(loginUrl, EnvironmentVariables.LoginUrl) : new Uri($"https://login.{domain}"));
    }

    /// <summary>A token endpoint is a full URL: a gateway may serve it under any path.</summary>
    private static Uri TokenEndpoint(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Query.Length == 0
            ? uri
            : throw new ConfigurationException($"{EnvironmentVariables.TokenUrl} must be the http(s) URL of a token endpoint, e.g. https://login.example.com/oauth2/token.");

    private static Uri AbsoluteUri(string value, string name) =>
        // API paths are absolute (/api/v2/…, /oauth/token): a base path would be silently dropped, so refuse one.
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.AbsolutePath == "/" && uri.Query.Length == 0
            ? uri
            : throw new ConfigurationException($"{name} must be an http(s) URL of a host, without a path: e.g. https://api.mypurecloud.ie or http://127.0.0.1:8787.");
}
