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

    public Task<ClientAuthentication> AuthenticateAsync(HttpContext context, IReadOnlyDictionary<string, StringValues> form) =>
        Task.FromResult(Authenticate(context));

    private ClientAuthentication Authenticate(HttpContext context)
    {
        if (!AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization, out var value) || value.Parameter is null)
        {
            return WrongSecret;
        }

        string decoded;
        try
        {
            decoded = Encoding.Latin1.GetString(Convert.FromBase64String(value.Parameter));
        }
        catch (FormatException)
        {
            return WrongSecret;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        var client = colon > 0 ? clients.Find(decoded[..colon]) : null;
        // A client registered with keys only has no secret: Basic auth can never match it.
        return client is { Secret: { } secret } && FixedTimeEquals(decoded[(colon + 1)..], secret)
            ? ClientAuthentication.Accepted(client)
            : WrongSecret;
    }

    private static ClientAuthentication WrongSecret { get; } = ClientAuthentication.Refused("client is not valid or the client secret is wrong");

    private static bool FixedTimeEquals(string actual, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(actual), Encoding.UTF8.GetBytes(expected));
}
