namespace CxAsCode.Deployment;

/// <summary>How far one read of an eventually consistent platform can be believed on its own.</summary>
internal enum Trust
{
    /// <summary>
    /// Proof by itself: the read shows our own write's effect, the platform's own "deleted" mark, or a
    /// monotonic marker (<c>dateModified</c>, a skill's <c>version</c>) not older than our write.
    /// </summary>
    Settled,

    /// <summary>Believed once the next read agrees: nothing lag could explain, but one read is one read.</summary>
    Stable,

    /// <summary>
    /// What lag would also show (an absence, or the object as it was before our write with no marker to
    /// tell): believed only once the consistency window since our write has passed.
    /// </summary>
    Tentative,

    /// <summary>Nothing to conclude (a read failed, or a state nothing explains); unknown if it lasts the window.</summary>
    Unclear,
}
