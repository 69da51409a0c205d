using System.Net;
using System.Threading.RateLimiting;
using Polly;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Timeout;

namespace CxAsCode.Http;

/// <summary>
/// The Polly pipelines every request goes through: retry (outermost) → a cap on requests in flight → a
/// timeout per attempt. Pacing is per token (<see cref="TokenPool"/>), inside each attempt. Two flavours share the limiter: reads may be retried on transient failures; writes
/// (POST, PUT, DELETE) only on 429, because a 429 is the one failure that proves nothing applied. A PUT is
/// idempotent, but a timed-out PUT can still apply after its retry, over our rollback or someone's edit.
/// </summary>
internal sealed class ResiliencePipelines : IDisposable
{
    private readonly RateLimiter _limiter;

    public ResiliencePipelines(ResilienceOptions options, TimeProvider time)
    {
        RequestsPerMinute = options.RequestsPerMinute;
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = 64, QueueLimit = int.MaxValue });
        Idempotent = Build(options, time, retryTransient: true);
        NonIdempotent = Build(options, time, retryTransient: false);
    }

    /// <summary>Requests per minute per token (0 = unpaced), for the token pool.</summary>
    public int RequestsPerMinute { get; }

    /// <summary>For GET.</summary>
    public ResiliencePipeline Idempotent { get; }

    /// <summary>For POST, PUT and DELETE.</summary>
    public ResiliencePipeline NonIdempotent { get; }

    public void Dispose() => _limiter.Dispose();

    private ResiliencePipeline Build(ResilienceOptions options, TimeProvider time, bool retryTransient)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception switch
                {
                    RateLimitedException => true,
                    ApiException api => retryTransient && api.Status is (int)HttpStatusCode.BadGateway or (int)HttpStatusCode.ServiceUnavailable or (int)HttpStatusCode.GatewayTimeout,
                    HttpRequestException or TimeoutRejectedException => retryTransient,
                    _ => false,
                }),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Exception, options)),
            });
        }

        return builder
            .AddRateLimiter(new RateLimiterStrategyOptions { RateLimiter = args => _limiter.AcquireAsync(1, args.Context.CancellationToken) })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    private static TimeSpan? RetryAfter(Exception? exception, ResilienceOptions options)
    {
        if (exception is not RateLimitedException { RetryAfter: { } wait })
        {
            return null; // Polly's exponential backoff with jitter
        }

        if (wait > options.MaxRetryAfter)
        {
            throw new RateLimitBudgetExceededException(
                $"Rate limited beyond budget: the API asked to wait {wait.TotalSeconds:0} s, more than the {options.MaxRetryAfter.TotalSeconds:0} s allowed (--max-retry-after).",
                exception);
        }

        // A Retry-After date already past falls back to backoff rather than a hot loop.
        return wait <= TimeSpan.Zero ? null : wait;
    }
}
