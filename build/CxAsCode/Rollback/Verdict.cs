namespace CxAsCode.Rollback;

/// <summary>What a rollback guard concluded from reading the object our write touched.</summary>
internal enum Verdict
{
    /// <summary>It is as our write left it (or part-way back, by our own earlier undo): undo it.</summary>
    Undo,

    /// <summary>It is already as it was before our write (or gone, for something we created): nothing to do.</summary>
    AlreadyUndone,

    /// <summary>Someone changed it after our write: leave it for a person.</summary>
    Changed,

    /// <summary>No read could be believed within the consistency window.</summary>
    Unclear,
}
