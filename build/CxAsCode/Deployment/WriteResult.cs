namespace CxAsCode.Deployment;

/// <summary>How one write ended, as the one line per write says it.</summary>
internal enum WriteResult
{
    /// <summary>The API answered that it applied.</summary>
    Applied,

    /// <summary>Its response was lost and reading found it applied.</summary>
    Settled,

    /// <summary>The API refused it, or its response was lost and reading showed it did not apply.</summary>
    Failed,

    /// <summary>Its response was lost and reading could not tell within the consistency window.</summary>
    Unknown,
}
