namespace CxAsCode.Planning;

/// <summary>Desired versus live for one environment: what a deploy would do, and nothing else.</summary>
public sealed class Plan
{
    public required string Environment { get; init; }

    /// <summary>The org it was planned against (from the API); null only for a plan not made by a run.</summary>
    public string? OrgId { get; init; }

    /// <summary>The API host the org was reached at, for people to read.</summary>
    public string? ApiHost { get; init; }

    /// <summary>Where the plan applies, when it records an org.</summary>
    public OrgBinding? Binding => OrgId is null ? null : new OrgBinding(Environment, OrgId, ApiHost ?? "an unknown host");

    /// <summary>When it was made (ISO-8601, UTC).</summary>
    public required string CreatedAt { get; init; }

    /// <summary>The git commit of the state it was made from, when known.</summary>
    public string? Commit { get; init; }

    public required IReadOnlyList<PlanEntry> Entries { get; init; }

    /// <summary>Objects in state that already match live.</summary>
    public int Unchanged { get; init; }

    public IEnumerable<PlanEntry> Writes => Entries.Where(e => e.IsWrite);

    public bool HasChanges => Entries.Any(e => e.IsWrite);

    public int Count(ChangeAction action) => Entries.Count(e => e.Action == action);

    /// <summary>"2 to create, 1 to update, 0 to replace, 0 to delete, 3 unmanaged, 20 unchanged".</summary>
    public string Summary =>
        $"{Count(ChangeAction.Create)} to create, {Count(ChangeAction.Update)} to update, " +
        (Count(ChangeAction.Restore) > 0 ? $"{Count(ChangeAction.Restore)} to restore, " : string.Empty) +
        $"{Count(ChangeAction.Replace)} to replace, " +
        $"{Count(ChangeAction.Delete)} to delete, {Count(ChangeAction.Unmanaged)} unmanaged, {Unchanged} unchanged";
}
