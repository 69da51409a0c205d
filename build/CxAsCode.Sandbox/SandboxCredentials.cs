namespace CxAsCode.Sandbox;

/// <summary>The one OAuth client the sandbox accepts. Public on purpose: the sandbox guards nothing real,
/// and the pipeline falls back to these when no Genesys credentials are set.</summary>
public static class SandboxCredentials
{
    /// <summary>Client id for <c>POST /oauth/token</c> (Basic auth user name).</summary>
    public const string ClientId = "cxascode-sandbox";

    /// <summary>Client secret for <c>POST /oauth/token</c> (Basic auth password).</summary>
    public const string ClientSecret = "sandbox-secret-not-for-production";
}
