namespace CxAsCode.Benchmark;

/// <summary>One measured phase: what it sent, how long it took, and how that compares with the floor, the
/// least time those calls can take inside the rate limit (calls ÷ (tokens × requests per minute)).</summary>
internal sealed record PhaseResult(string Phase, string Tool, RequestTally Requests, TimeSpan Wall, int Tokens, int RateLimit)
{
    public TimeSpan Floor => TimeSpan.FromMinutes((double)Requests.Calls / (Tokens * RateLimit));

    /// <summary>Wall time over the floor; 1.0 is as fast as the limit allows.</summary>
    public double Ratio => Floor <= TimeSpan.Zero ? 0 : Wall / Floor;

    public int Method(string method) => Requests.ByMethod.GetValueOrDefault(method);
}
