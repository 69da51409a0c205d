using System.Threading.RateLimiting;
using CxAsCode.Auth;

namespace CxAsCode.Http;

/// <summary>One token of the pool with its own rate window: the platform counts requests per token
/// (genesys-api.md §5), so each token gets the whole per-token limit.</summary>
internal sealed class TokenLane : IDisposable
{
    private readonly RateLimiter? _window;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private DateTimeOffset _blockedUntil;
    private int _requests;

    private readonly bool _ownsSource;

    /// <param name="number">1 for the first token.</param>
    /// <param name="source">Where this lane's token comes from.</param>
    /// <param name="ownsSource">Dispose the source with the lane (not the connection's own source).</param>
    /// <param name="requestsPerMinute">This token's limit; 0 = unpaced.</param>
    /// <param name="window">The client-side window, a little longer than the platform's.</param>
    /// <param name="time">For Retry-After blocks.</param>
    public TokenLane(int number, ITokenSource source, bool ownsSource, int requestsPerMinute, TimeSpan window, TimeProvider time)
    {
        Number = number;
        _ownsSource = ownsSource;
        Source = source;
        _time = time;
        _window = requestsPerMinute <= 0 ? null : new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = requestsPerMinute,
            Window = window,
            SegmentsPerWindow = (int)window.TotalSeconds,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>1 for the first token, 2 for the second…: for logs, never the token.</summary>
    public int Number { get; }

    public ITokenSource Source { get; }

    /// <summary>Requests this lane has sent (each attempt counts).</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>True while a 429's Retry-After for this token runs.</summary>
    public bool IsBlocked
    {
        get
        {
            lock (_gate)
            {
                return _time.GetUtcNow() < _blockedUntil;
            }
        }
    }

    public DateTimeOffset BlockedUntil
    {
        get
        {
            lock (_gate)
            {
                return _blockedUntil;
            }
        }
    }

    /// <summary>Takes a slot in this token's window now, if one is free.</summary>
    public bool TryTake()
    {
        if (IsBlocked)
        {
            return false;
        }

        using var lease = _window?.AttemptAcquire(1);
        if (lease is { IsAcquired: false })
        {
            return false;
        }

        Interlocked.Increment(ref _requests);
        return true;
    }

    /// <summary>Waits for a slot in this token's window.</summary>
    public async ValueTask TakeAsync(CancellationToken cancellationToken)
    {
        if (_window is not null)
        {
            using var lease = await _window.AcquireAsync(1, cancellationToken);
            if (!lease.IsAcquired)
            {
                throw new InvalidOperationException("The token's rate window refused a request it had queued.");
            }
        }

        Interlocked.Increment(ref _requests);
    }

    /// <summary>The platform answered 429 for this token: nothing more goes through it until Retry-After has passed.</summary>
    public void BlockFor(TimeSpan wait)
    {
        lock (_gate)
        {
            var until = _time.GetUtcNow() + (wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1));
            if (until > _blockedUntil)
            {
                _blockedUntil = until;
            }
        }
    }

    public void Dispose()
    {
        _window?.Dispose();
        if (_ownsSource)
        {
            (Source as IDisposable)?.Dispose();
        }
    }
}
