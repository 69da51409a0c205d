namespace CxAsCode.Resources;

/// <summary>
/// A list owned by an object that the API edits through its own endpoints, e.g. a queue's wrap-up codes.
/// In state it is one field of the owner holding the natural keys of <paramref name="TargetKind"/>.
/// </summary>
/// <param name="Field">The field in state and canonical form (<c>wrapupCodes</c>).</param>
/// <param name="PathSuffix">Appended to the owner's item path (<c>/wrapupcodes</c>).</param>
/// <param name="TargetKind">The kind the list points at.</param>
/// <param name="PageSize">Largest page size the list endpoint allows.</param>
/// <param name="MaxPerAdd">Largest number of entries one add call may carry.</param>
/// <param name="OptIn">
/// True when state manages the list only where its file names it (a queue's agent members): Sync reads and
/// writes it only for those objects, so a repository that keeps memberships elsewhere never gains them.
/// </param>
public sealed record SubResource(string Field, string PathSuffix, string TargetKind, int PageSize, int MaxPerAdd, bool OptIn = false);
