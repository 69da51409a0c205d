namespace CxAsCode.Sandbox.Store;

/// <summary>The divisions a caller may see objects in: all of them (the default client) or a set (a client
/// whose role is limited to some divisions). Objects in all divisions (<c>*</c>, wrap-up codes) are visible
/// to anyone who sees at least one division.</summary>
internal sealed class DivisionScope
{
    public const string AllDivisions = "*";

    private readonly HashSet<string>? _divisionIds;

    private DivisionScope(HashSet<string>? divisionIds) => _divisionIds = divisionIds;

    public static DivisionScope All { get; } = new(null);

    public bool IsAll => _divisionIds is null;

    public IReadOnlyCollection<string> DivisionIds => _divisionIds ?? [];

    public static DivisionScope Only(IEnumerable<string> divisionIds) =>
        new(new HashSet<string>(divisionIds, StringComparer.OrdinalIgnoreCase));

    public bool Allows(string? divisionId) =>
        _divisionIds is null
        || (divisionId == AllDivisions ? _divisionIds.Count > 0 : divisionId is not null && _divisionIds.Contains(divisionId));
}
