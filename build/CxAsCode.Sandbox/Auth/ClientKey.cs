using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace CxAsCode.Sandbox.Auth;

/// <summary>One public key of a client, with the <c>kid</c> its assertions name when the client holds more
/// than one (key rotation: the old and the new key are both registered for a while).</summary>
internal sealed record ClientKey(string? KeyId, SecurityKey Key)
{
    /// <summary>Reads an RSA public key from PEM (<c>BEGIN PUBLIC KEY</c> or <c>BEGIN RSA PUBLIC KEY</c>).</summary>
    /// <exception cref="ArgumentException">The text is not an RSA public key, or it holds a private key.</exception>
    public static ClientKey FromPem(string? keyId, string pem)
    {
        if (pem.Contains("PRIVATE KEY", StringComparison.Ordinal))
        {
            throw new ArgumentException("Register the public key only: this PEM holds a private key.", nameof(pem));
        }

        // The RSA object lives as long as the registered client does (the sandbox's lifetime).
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            throw new ArgumentException("Not an RSA public key in PEM form (-----BEGIN PUBLIC KEY-----).", nameof(pem), e);
        }

        return new ClientKey(keyId, new RsaSecurityKey(rsa) { KeyId = keyId });
    }
}
