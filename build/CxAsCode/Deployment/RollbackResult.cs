namespace CxAsCode.Deployment;

/// <summary>What a rollback did, newest write first.</summary>
public sealed record RollbackResult(IReadOnlyList<Compensation> Compensations)
{
    public bool IsComplete => Compensations.All(c => c.Status == WriteStatus.Compensated);

    /// <summary>What a person has to look at: compensations refused or failed.</summary>
    public IEnumerable<Compensation> ManualActions => Compensations.Where(c => c.Status != WriteStatus.Compensated);
}
