namespace CxAsCode.Resources;

/// <summary>
/// A place in an object that points at another object. <paramref name="Path"/> is a dotted path where
/// <c>[*]</c> means every element (<c>bullseye.rings[*].actions.skillsToRemove[*]</c>). Live JSON holds
/// <c>{"id": …}</c> there; state holds the target's natural key.
/// </summary>
public sealed record ReferenceField(string Path, string TargetKind)
{
    /// <summary>
    /// A value that names no object but the platform understands in this place, kept as it is everywhere
    /// (<c>*</c>: a wrap-up code in all divisions). Null when there is none.
    /// </summary>
    public string? Wildcard { get; init; }

    public bool IsWildcard(string value) => Wildcard is not null && string.Equals(value, Wildcard, StringComparison.Ordinal);
}
