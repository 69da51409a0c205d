using CxAsCode.Sandbox.Store;

namespace CxAsCode.Sandbox.Auth;

/// <summary>Remembers each accepted assertion's <c>jti</c> until the assertion expires, so a captured
/// assertion cannot be replayed for another token (RFC 7523 §3, item 7).</summary>
internal sealed class AssertionReplayGuard(SandboxClock clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    /// <summary>Records <paramref name="jti"/> of <paramref name="clientId"/>; false when it was already used.</summary>
    public bool TryUse(string clientId, string jti, DateTimeOffset expires)
    {
        var key = clientId + "\n" + jti;
        lock (_gate)
        {
            var now = clock.UtcNow;
            foreach (var old in _seen.Where(pair => pair.Value <= now).Select(pair => pair.Key).ToList())
            {
                _seen.Remove(old);
            }

            return _seen.TryAdd(key, expires);
        }
    }
}
