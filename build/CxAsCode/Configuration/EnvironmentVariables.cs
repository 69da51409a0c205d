namespace CxAsCode.Configuration;

/// <summary>
/// The environment variables the pipeline reads: their names (the code reads them through these constants)
/// and the table <c>--help</c> and the README show.
/// </summary>
public static class EnvironmentVariables
{
    public const string ClientId = "GENESYSCLOUD_OAUTHCLIENT_ID";
    public const string ClientSecret = "GENESYSCLOUD_OAUTHCLIENT_SECRET";
    public const string Region = "GENESYSCLOUD_REGION";
    public const string AccessToken = "GENESYSCLOUD_ACCESS_TOKEN";
    public const string ApiUrl = "GENESYSCLOUD_API_URL";
    public const string LoginUrl = "GENESYSCLOUD_LOGIN_URL";
    public const string JwtPrivateKey = "GENESYSCLOUD_JWT_PRIVATE_KEY";
    public const string JwtKeyId = "GENESYSCLOUD_JWT_KEY_ID";
    public const string TokenUrl = "GENESYSCLOUD_TOKEN_URL";
    public const string TokenPoolSize = "GENESYSCLOUD_TOKEN_POOL_SIZE";
    public const string Ci = "CI";
    public const string GitHubActions = "GITHUB_ACTIONS";
    public const string GitHubStepSummary = "GITHUB_STEP_SUMMARY";
    public const string GitHubOutput = "GITHUB_OUTPUT";
    public const string NoColor = "NO_COLOR";

    public static IReadOnlyList<EnvironmentVariable> All { get; } =
    [
        new([ClientId, ClientSecret], "an OAuth client with the client-credentials grant (the names the Terraform provider uses); both or neither"),
        new([Region], "e.g. `eu-west-1` → `api.mypurecloud.ie` (default `us-east-1`)"),
        new([ClientId, JwtPrivateKey], "an OAuth client that authenticates with an RS256-signed JWT client assertion (RFC 7523) instead of a secret; PEM key; for token endpoints that accept it (a company OAuth gateway, the sandbox): Genesys Cloud's own login service does not"),
        new([JwtKeyId, TokenUrl], "with the JWT mode only: the `kid` header for key rotation, and the token endpoint (default `<login URL>/oauth/token`; also the assertion's audience)"),
        new([TokenPoolSize], "tokens obtained from the same credentials, 1–20, default 10 (the Terraform provider's name); `--token-pool-size` wins; a pre-issued access token is a pool of one"),
        new([AccessToken], "a pre-issued token instead of client credentials (cannot be renewed); not together with them"),
        new([ApiUrl, LoginUrl], "override the hosts (a sandbox, a gateway); the login URL defaults to `login.` + the API domain, or the API URL itself when it is not an `api.` host"),
        new([Ci, GitHubActions], "in CI, missing credentials are an error unless `--sandbox` is given; with `GITHUB_ACTIONS=true` each task's output is folded (`::group::`) and failures are annotated"),
        new([GitHubStepSummary, GitHubOutput], "the plan and deploy report are appended to the step summary; `has-changes` is set as an output"),
        new([NoColor], "plain console output; `./build.sh` sets it when its output is not a terminal"),
    ];

    /// <summary>
    /// Names a widely copied tutorial uses, accepted with a one-line notice naming the preferred variable.
    /// <c>GENESYS_SUBDOMAIN</c> takes a region or a domain, as <see cref="Region"/> does.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Aliases { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["GENESYS_CLIENT_ID"] = ClientId,
        ["GENESYS_JWT_PRIVATE_KEY"] = JwtPrivateKey,
        ["GENESYS_SUBDOMAIN"] = Region,
    };

    /// <summary>
    /// Reads variables by their preferred names, falling back to an alias (and recording a notice that names
    /// the preferred variable). An empty value counts as unset: CI passes a missing secret as "".
    /// </summary>
    public static Func<string, string?> WithAliases(Func<string, string?> env, ICollection<string> notices)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(notices);
        return name =>
        {
            if (env(name) is { Length: > 0 } value)
            {
                return value;
            }

            foreach (var (alias, preferred) in Aliases)
            {
                if (preferred == name && env(alias) is { Length: > 0 } aliased)
                {
                    var notice = $"{alias} is read as {preferred}; rename it to {preferred}.";
                    if (!notices.Contains(notice))
                    {
                        notices.Add(notice);
                    }

                    return aliased;
                }
            }

            return null;
        };
    }

    /// <summary>True in a CI job (GitHub Actions sets both).</summary>
    public static bool InCi(Func<string, string?> env)
    {
        ArgumentNullException.ThrowIfNull(env);
        return env(Ci) == "true" || env(GitHubActions) == "true";
    }
}
