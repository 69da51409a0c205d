namespace CxAsCode.Planning;

/// <summary>
/// Where a plan or a journal applies: the environment, the Genesys Cloud org (its id, read from
/// <c>GET /api/v2/organizations/me</c>) and the API host it was reached at. A plan or journal is used only
/// where it was made, so one made against <c>test</c> (or another org) can never write to <c>dev</c>.
/// </summary>
/// <param name="Environment">The folder under <c>state/</c>.</param>
/// <param name="OrgId">The org's id: unique across every region, so it alone says which org.</param>
/// <param name="ApiHost">The API host and port, e.g. <c>api.mypurecloud.ie</c>; shown to people, not compared
/// (the local sandbox takes a new port each run, and an org is the same org whichever gateway reaches it).</param>
public sealed record OrgBinding(string Environment, string OrgId, string ApiHost)
{
    /// <summary>True when both name the same environment and the same org.</summary>
    public bool Matches(OrgBinding other) =>
        other is not null
        && string.Equals(Environment, other.Environment, StringComparison.Ordinal)
        && string.Equals(OrgId, other.OrgId, StringComparison.OrdinalIgnoreCase);

    /// <summary>"dev (org 5f1c…, at api.mypurecloud.ie)".</summary>
    public override string ToString() => $"{Environment} (org {OrgId}, at {ApiHost})";
}
