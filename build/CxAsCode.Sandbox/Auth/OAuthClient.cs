using CxAsCode.Sandbox.Permissions;

namespace CxAsCode.Sandbox.Auth;

/// <summary>An OAuth client the token endpoint knows, with the role its tokens carry: the grants below. A
/// client proves itself with its secret (<see cref="Secret"/>, Basic auth) or with a JWT assertion signed
/// by one of its <see cref="Keys"/>; a client registered with keys only has no secret at all.</summary>
internal sealed record OAuthClient(string Id, string? Secret, IReadOnlyList<Grant> Grants)
{
    /// <summary><c>cxascode-sandbox</c>: every permission in every division, as the pipeline's own client.</summary>
    public static OAuthClient Default { get; } = new(
        SandboxCredentials.ClientId,
        SandboxCredentials.ClientSecret,
        [new Grant(Store.DivisionScope.AllDivisions, ["*"])]);

    /// <summary>Public keys that verify this client's JWT assertions (RFC 7523 §2.2).</summary>
    public IReadOnlyList<ClientKey> Keys { get; init; } = [];
}
