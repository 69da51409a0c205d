namespace CxAsCode.Deployment;

/// <summary>What a deploy did, for the report and the exit code.</summary>
public sealed record DeployResult(DeployStatus Status)
{
    /// <summary>Writes the API accepted (before any rollback).</summary>
    public int Applied { get; init; }

    /// <summary>Writes in the plan.</summary>
    public int Planned { get; init; }

    /// <summary>Why the deploy stopped, when it did.</summary>
    public string? Failure { get; init; }

    public string? JournalPath { get; init; }

    public RollbackResult? Rollback { get; init; }
}
