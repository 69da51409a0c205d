using Newtonsoft.Json.Linq;

namespace CxAsCode.Http;

/// <summary>429: the request was not applied; <see cref="RetryAfter"/> says when to try again.</summary>
public sealed class RateLimitedException : ApiException
{
    public RateLimitedException()
    {
    }

    public RateLimitedException(string message)
        : base(message)
    {
    }

    public RateLimitedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RateLimitedException(string method, string path, JObject? body, string? correlationId, string message, TimeSpan? retryAfter)
        : base(method, path, 429, body, correlationId, message)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>From the <c>Retry-After</c> header (seconds or an HTTP date); null when absent.</summary>
    public TimeSpan? RetryAfter { get; }
}
