using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace CxAsCode.Sandbox.Auth;

/// <summary>Checks <c>Authorization: Basic base64(clientId:clientSecret)</c>. The SDKs encode it as
/// ISO-8859-1, so that is how it is decoded.</summary>
internal static class BasicCredentials
{
    public static bool AreSandboxCredentials(string? header)
    {
        if (!AuthenticationHeaderValue.TryParse(header, out var value)
            || !string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || value.Parameter is null)
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.Latin1.GetString(Convert.FromBase64String(value.Parameter));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon > 0
            & FixedTimeEquals(decoded[..colon], SandboxCredentials.ClientId)
            & FixedTimeEquals(decoded[(colon + 1)..], SandboxCredentials.ClientSecret);
    }

    private static bool FixedTimeEquals(string actual, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(actual), Encoding.UTF8.GetBytes(expected));
}
