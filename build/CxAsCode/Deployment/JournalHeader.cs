using CxAsCode.Planning;

namespace CxAsCode.Deployment;

/// <summary>
/// The first line of every journal: where its writes went (environment, org, API host) and which run made
/// them. Rollback and the settling of interrupted deploys act on a journal only where it was written.
/// </summary>
public sealed record JournalHeader
{
    public required string Environment { get; init; }

    public required string OrgId { get; init; }

    public required string ApiHost { get; init; }

    public required string RunId { get; init; }

    /// <summary>When the run started (ISO-8601, UTC).</summary>
    public required string StartedAt { get; init; }

    [Newtonsoft.Json.JsonIgnore] // derived, not a field of the line
    public OrgBinding Binding => new(Environment, OrgId, ApiHost);
}
