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
    public const string Ci = "CI";
    public const string GitHubActions = "GITHUB_ACTIONS";
    public const string GitHubStepSummary = "GITHUB_STEP_SUMMARY";
    public const string GitHubOutput = "GITHUB_OUTPUT";
    public const string NoColor = "NO_COLOR";

    public static IReadOnlyList<EnvironmentVariable> All { get; } =
    [
        new([ClientId, ClientSecret], "an OAuth client with the client-credentials grant (the names the Terraform provider uses); both or neither"),
        new([Region], "e.g. `eu-west-1` → `api.mypurecloud.ie` (default `us-east-1`)"),
        new([AccessToken], "a pre-issued token instead of client credentials (cannot be renewed); not together with them"),
        new([ApiUrl, LoginUrl], "override the hosts (a sandbox, a gateway); the login URL defaults to `login.` + the API domain, or the API URL itself when it is not an `api.` host"),
        new([Ci, GitHubActions], "in CI, missing credentials are an error unless `--sandbox` is given; with `GITHUB_ACTIONS=true` each task's output is folded (`::group::`) and failures are annotated"),
        new([GitHubStepSummary, GitHubOutput], "the plan and deploy report are appended to the step summary; `has-changes` is set as an output"),
        new([NoColor], "plain console output; `./build.sh` sets it when its output is not a terminal"),
    ];

    /// <summary>True in a CI job (GitHub Actions sets both).</summary>
    public static bool InCi(Func<string, string?> env)
    {
        ArgumentNullException.ThrowIfNull(env);
        return env(Ci) == "true" || env(GitHubActions) == "true";
    }
}
