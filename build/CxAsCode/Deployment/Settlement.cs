namespace CxAsCode.Deployment;

/// <summary>
/// What <see cref="ConsistencyWindow"/> concluded from its reads: a trustworthy answer, or none (then
/// <see cref="Unknown"/> says why, for a person to check).
/// </summary>
internal sealed record Settlement<T>(T Value, string? Unknown, int Reads, string Reason)
{
    public bool IsKnown => Unknown is null;
}
