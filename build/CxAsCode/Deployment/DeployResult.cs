namespace CxAsCode.Deployment;

/// <summary>What a deploy did, for the report and the exit code.</summary>
public sealed record DeployResult(DeployStatus Status)
{
    /// <summary>Writes the API accepted, or that reading found applied after a lost response (before any rollback).</summary>
    public int Applied { get; init; }

    /// <summary>Changes in the plan.</summary>
    public int Planned { get; init; }

    /// <summary>Writes sent, whatever their result (a change can take several: a queue and its wrap-up codes).</summary>
    public int Sent { get; init; }

    /// <summary>The closing line's counts: "6 changes, 7 writes (creating queues 'Heat Pump Advice' takes 2 writes: …)".</summary>
    public string? Summary { get; init; }

    /// <summary>Why the deploy stopped, when it did.</summary>
    public string? Failure { get; init; }

    public string? JournalPath { get; init; }

    public RollbackResult? Rollback { get; init; }
}
