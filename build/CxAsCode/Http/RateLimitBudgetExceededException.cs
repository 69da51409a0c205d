namespace CxAsCode.Http;

/// <summary>The API asked us to wait longer than the configured budget allows; we stop instead of hanging.</summary>
public sealed class RateLimitBudgetExceededException : Exception
{
    public RateLimitBudgetExceededException()
    {
    }

    public RateLimitBudgetExceededException(string message)
        : base(message)
    {
    }

    public RateLimitBudgetExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
