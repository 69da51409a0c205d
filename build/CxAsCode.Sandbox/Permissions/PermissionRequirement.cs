namespace CxAsCode.Sandbox.Permissions;

/// <summary>What an operation requires, as the SDK documents it ("Requires ANY permissions: …"): all of
/// the list, any of it, or nothing.</summary>
internal sealed record PermissionRequirement(string Mode, IReadOnlyList<string> Permissions)
{
    public static PermissionRequirement None { get; } = new("NONE", []);

    public bool IsNone => Permissions.Count == 0 || Mode == "NONE";

    public bool RequiresAll => Mode == "ALL";
}
