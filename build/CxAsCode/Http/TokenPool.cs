using CxAsCode.Auth;

namespace CxAsCode.Http;

/// <summary>
/// Up to <see cref="Size"/> tokens from the same credentials, each paced in its own window. Genesys Cloud
/// limits requests per token, not per client (300 a minute by default, genesys-api.md §5), so N tokens carry
/// N times the calls; the Terraform provider keeps such a pool for the same reason (<c>token_pool_size</c>,
/// genesyscloud/provider/provider.go). A request takes a slot from the first token with one free; a new token
/// is fetched only when every token so far is out of slots, so a small run uses one. A 429 blocks only the
/// token that received it, for its Retry-After; a 401 renews only that token.
/// </summary>
internal sealed class TokenPool : IDisposable
{
    /// <summary>The client's window: the platform's 60 s plus 2 s, so a slot the client frees is always free on
    /// the server too, however late the request that used it arrived (a request in flight for under 2 s).</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(62);

    private readonly ITokenSource _first;
    private readonly Func<ITokenSource>? _more;
    private readonly int _requestsPerMinute;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly List<TokenLane> _lanes = [];
    private int _nextWait;

    /// <param name="first">The run's token source (it proves the credentials in Auth).</param>
    /// <param name="more">Makes another source for the same credentials; null when there can be only one
    /// token (a pre-issued access token).</param>
    /// <param name="size">The most tokens to hold, 1–20.</param>
    /// <param name="requestsPerMinute">Per token; 0 = unpaced.</param>
    /// <param name="time">For Retry-After blocks.</param>
    public TokenPool(ITokenSource first, Func<ITokenSource>? more, int size, int requestsPerMinute, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        _first = first;
        _more = more;
        Size = more is null ? 1 : size;
        _requestsPerMinute = requestsPerMinute;
        _time = time;
    }

    /// <summary>The most tokens this pool will hold.</summary>
    public int Size { get; }

    /// <summary>Tokens brought into use so far.</summary>
    public int TokensInUse
    {
        get
        {
            lock (_gate)
            {
                return _lanes.Count;
            }
        }
    }

    /// <summary>Tokens waiting out a 429's Retry-After now.</summary>
    public int BlockedTokens
    {
        get
        {
            lock (_gate)
            {
                return _lanes.Count(l => l.IsBlocked);
            }
        }
    }

    /// <summary>Requests sent through each token so far, first token first.</summary>
    public IReadOnlyList<int> RequestsPerToken
    {
        get
        {
            lock (_gate)
            {
                return [.. _lanes.Select(l => l.Requests)];
            }
        }
    }

    /// <summary>A token with a slot taken for one request: the first with one free, else a new token, else
    /// the queue of the token whose turn it is.</summary>
    public async ValueTask<TokenLane> AcquireAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TokenLane? queueOn = null;
            TimeSpan? allBlocked = null;
            lock (_gate)
            {
                foreach (var lane in _lanes)
                {
                    if (lane.TryTake())
                    {
                        return lane;
                    }
                }

                if (_lanes.Count < Size)
                {
                    var lane = new TokenLane(_lanes.Count + 1, _lanes.Count == 0 ? _first : _more!(), ownsSource: _lanes.Count > 0, _requestsPerMinute, Window, _time);
                    _lanes.Add(lane);
                    if (lane.TryTake())
                    {
                        return lane;
                    }
                }

                var open = _lanes.Where(l => !l.IsBlocked).ToList();
                if (open.Count > 0)
                {
                    queueOn = open[_nextWait++ % open.Count];
                }
                else
                {
                    allBlocked = _lanes.Min(l => l.BlockedUntil) - _time.GetUtcNow();
                }
            }

            if (queueOn is not null)
            {
                await queueOn.TakeAsync(cancellationToken);
                return queueOn;
            }

            await Task.Delay(allBlocked!.Value > TimeSpan.Zero ? allBlocked.Value : TimeSpan.FromMilliseconds(10), _time, cancellationToken);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var lane in _lanes)
            {
                lane.Dispose();
            }

            _lanes.Clear();
        }
    }
}
