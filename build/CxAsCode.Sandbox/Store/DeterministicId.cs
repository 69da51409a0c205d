using System.Security.Cryptography;
using System.Text;

namespace CxAsCode.Sandbox.Store;

/// <summary>Ids for seeded objects: derived from kind + name so every reset and every rerun sees the same
/// ids (tests and saved plans can rely on them). Objects created later get random GUIDs.</summary>
internal static class DeterministicId
{
    public static string For(string kind, string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(kind + "\n" + name));
        var bytes = hash.AsSpan(0, 16);
        // Mark it as a name-based (version 5 style) RFC 4122 GUID so it looks like any other id.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("D");
    }

    public static string NewRandom() => Guid.NewGuid().ToString("D");
}
