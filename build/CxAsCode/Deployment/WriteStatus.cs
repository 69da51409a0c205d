namespace CxAsCode.Deployment;

/// <summary>The result recorded for a write or a compensation.</summary>
public enum WriteStatus
{
    /// <summary>The API accepted it.</summary>
    Applied,

    /// <summary>The API refused it, or it was never sent; nothing changed.</summary>
    Failed,

    /// <summary>No response arrived; a later read decides whether it applied.</summary>
    Unknown,

    /// <summary>Rollback undid it.</summary>
    Compensated,

    /// <summary>Rollback left it alone because someone changed the object after our write.</summary>
    ChangedSince,

    /// <summary>The compensation was sent and failed; a later <c>--target=Rollback</c> retries it.</summary>
    CompensationFailed,
}
