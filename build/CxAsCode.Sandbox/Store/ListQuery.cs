namespace CxAsCode.Sandbox.Store;

/// <summary>The filters a list request carries: <c>id</c> (any of), <c>name</c> (exact, case-insensitive)
/// and <c>divisionId</c> (any of), as the real list endpoints take them.</summary>
internal sealed record ListQuery(IReadOnlySet<string>? Ids, string? Name, IReadOnlySet<string>? DivisionIds)
{
    public static ListQuery Everything { get; } = new(null, null, null);
}
