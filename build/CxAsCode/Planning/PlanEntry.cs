using Newtonsoft.Json.Linq;

namespace CxAsCode.Planning;

/// <summary>
/// One planned change. <see cref="Fingerprint"/> is the live object's fingerprint when it was planned: a
/// deploy writes only while the object still has it.
/// </summary>
public sealed record PlanEntry(string Kind, string Key, ChangeAction Action)
{
    public string? LiveId { get; init; }

    public string? Fingerprint { get; init; }

    /// <summary>The desired canonical body (create, update, replace); null for delete and unmanaged.</summary>
    public JObject? Desired { get; init; }

    public IReadOnlyList<FieldChange> Changes { get; init; } = [];

    /// <summary>The state file behind the change, relative to the repository root.</summary>
    public string? SourceFile { get; init; }

    /// <summary>A delete that ends the object's work in progress (<c>--force-delete</c>, queues only).</summary>
    public bool ForceDelete { get; init; }

    public bool IsWrite => Action != ChangeAction.Unmanaged;
}
