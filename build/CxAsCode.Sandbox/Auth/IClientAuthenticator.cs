using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CxAsCode.Sandbox.Auth;

/// <summary>One way a token request proves which client it comes from. The token endpoint asks each in
/// turn: client secret over Basic auth (the one Genesys Cloud supports) and a JWT client assertion
/// (RFC 7523, for the token endpoints that accept it).</summary>
internal interface IClientAuthenticator
{
    /// <summary>Whether the request carries this kind of client authentication at all.</summary>
    bool Applies(HttpContext context, IReadOnlyDictionary<string, StringValues> form);

    /// <summary>The authenticated client, or a refusal saying why not.</summary>
    Task<ClientAuthentication> AuthenticateAsync(HttpContext context, IReadOnlyDictionary<string, StringValues> form);
}

/// <summary>The outcome of one client authentication: the client, or why it was refused.</summary>
internal sealed record ClientAuthentication(OAuthClient? Client, string? Refusal)
{
    public static ClientAuthentication Accepted(OAuthClient client) => new(client, null);

    public static ClientAuthentication Refused(string reason) => new(null, reason);
}
