using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CxAsCode.Sandbox.Auth;

/// <summary>One way a token request proves which client it comes from. The token endpoint asks each in
/// turn; client secret over Basic auth is the one Genesys Cloud supports, and a JWT client assertion
/// (RFC 7523) slots in beside it as another implementation.</summary>
internal interface IClientAuthenticator
{
    /// <summary>Whether the request carries this kind of client authentication at all.</summary>
    bool Applies(HttpContext context, IReadOnlyDictionary<string, StringValues> form);

    /// <summary>The authenticated client, or null when the credentials are wrong.</summary>
    OAuthClient? Authenticate(HttpContext context, IReadOnlyDictionary<string, StringValues> form);
}
