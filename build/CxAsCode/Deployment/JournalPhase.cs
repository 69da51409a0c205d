namespace CxAsCode.Deployment;

/// <summary>Where a journal line sits in a write's life.</summary>
public enum JournalPhase
{
    /// <summary>Written before the request is sent: what we are about to do, and the pre-image.</summary>
    Intent,

    /// <summary>Written when the request returns (or is known to have failed).</summary>
    Outcome,

    /// <summary>Written when rollback has dealt with an applied write.</summary>
    Compensation,
}
