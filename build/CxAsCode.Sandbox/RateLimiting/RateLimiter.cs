using CxAsCode.Sandbox.Store;

namespace CxAsCode.Sandbox.RateLimiting;

/// <summary>Per-token sliding 60-second window, like the real 300 requests/minute per client-credentials
/// token. A refused request does not use up a slot.</summary>
internal sealed class RateLimiter(SandboxClock clock, int requestsPerMinute)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _windows = new(StringComparer.Ordinal);
    private int _requestsPerMinute = requestsPerMinute;

    /// <summary>0 means unlimited.</summary>
    public int RequestsPerMinute
    {
        get
        {
            lock (_gate)
            {
                return _requestsPerMinute;
            }
        }

        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            lock (_gate)
            {
                _requestsPerMinute = value;
            }
        }
    }

    /// <summary>Takes a slot for <paramref name="token"/>; returns null when allowed, else the whole seconds
    /// (at least 1) until the oldest request leaves the window.</summary>
    public int? TryAcquire(string token)
    {
        lock (_gate)
        {
            if (_requestsPerMinute == 0)
            {
                return null;
            }

            var now = clock.UtcNow;
            if (!_windows.TryGetValue(token, out var window))
            {
                window = new Queue<DateTimeOffset>();
                _windows[token] = window;
            }

            while (window.Count > 0 && window.Peek() <= now - Window)
            {
                window.Dequeue();
            }

            if (window.Count >= _requestsPerMinute)
            {
                var wait = window.Peek() + Window - now;
                return Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            }

            window.Enqueue(now);
            return null;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _windows.Clear();
        }
    }
}
