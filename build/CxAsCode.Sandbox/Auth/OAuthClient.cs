using CxAsCode.Sandbox.Permissions;

namespace CxAsCode.Sandbox.Auth;

/// <summary>An OAuth client the token endpoint knows, with the role its tokens carry: the grants below.</summary>
internal sealed record OAuthClient(string Id, string Secret, IReadOnlyList<Grant> Grants)
{
    /// <summary><c>cxascode-sandbox</c>: every permission in every division, as the pipeline's own client.</summary>
    public static OAuthClient Default { get; } = new(
        SandboxCredentials.ClientId,
        SandboxCredentials.ClientSecret,
        [new Grant(Store.DivisionScope.AllDivisions, ["*"])]);
}
