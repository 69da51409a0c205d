namespace CxAsCode.Resources;

/// <summary>
/// A place in an object that points at another object. <paramref name="Path"/> is a dotted path where
/// <c>[*]</c> means every element (<c>bullseye.rings[*].actions.skillsToRemove[*]</c>). Live JSON holds
/// <c>{"id": …}</c> there; state holds the target's natural key.
/// </summary>
public sealed record ReferenceField(string Path, string TargetKind);
