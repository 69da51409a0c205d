namespace CxAsCode.Deployment;

/// <summary>How a deploy ended; each maps to one exit code.</summary>
public enum DeployStatus
{
    /// <summary>The plan had nothing to write. Exit 0.</summary>
    NoChanges,

    /// <summary>Every planned write applied. Exit 0.</summary>
    Succeeded,

    /// <summary>A write failed or a precondition moved; rollback has not run yet.</summary>
    Failed,

    /// <summary>A write failed or a precondition moved; every applied write was undone. Exit 3.</summary>
    RolledBack,

    /// <summary>A write failed and some compensations could not be done; manual action listed. Exit 4.</summary>
    RollbackIncomplete,
}
