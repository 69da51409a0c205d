using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CxAsCode.Sandbox.Auth;

/// <summary><c>Authorization: Basic base64(clientId:clientSecret)</c> (genesys-api.md §1). The SDKs encode
/// it as ISO-8859-1, so that is how it is decoded; secrets are compared in constant time.</summary>
internal sealed class BasicClientAuthenticator(ClientRegistry clients) : IClientAuthenticator
{
    public bool Applies(HttpContext context, IReadOnlyDictionary<string, StringValues> form) =>
        AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization, out var value)
        && string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase);

    public OAuthClient? Authenticate(HttpContext context, IReadOnlyDictionary<string, StringValues> form)
    {
        if (!AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization, out var value) || value.Parameter is null)
        {
            return null;
        }

        string decoded;
        try
        {
            decoded = Encoding.Latin1.GetString(Convert.FromBase64String(value.Parameter));
        }
        catch (FormatException)
        {
            return null;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        var client = colon > 0 ? clients.Find(decoded[..colon]) : null;
        return client is not null && FixedTimeEquals(decoded[(colon + 1)..], client.Secret) ? client : null;
    }

    private static bool FixedTimeEquals(string actual, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(actual), Encoding.UTF8.GetBytes(expected));
}
