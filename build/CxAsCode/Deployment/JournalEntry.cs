using Newtonsoft.Json.Linq;

namespace CxAsCode.Deployment;

/// <summary>
/// One line of <c>journal.jsonl</c>. An intent and its outcome share <see cref="Seq"/>; a compensation
/// names the write it undoes in <see cref="Seq"/> too. Bodies hold object JSON only: never a header,
/// never a token.
/// </summary>
public sealed record JournalEntry
{
    public required int Seq { get; init; }

    public required JournalPhase Phase { get; init; }

    public required string Kind { get; init; }

    public required string Key { get; init; }

    public required WriteOperation Operation { get; init; }

    public string? Method { get; init; }

    public string? Path { get; init; }

    /// <summary>The object written (for a create, known from its outcome).</summary>
    public string? ObjectId { get; init; }

    public JToken? Body { get; init; }

    /// <summary>For member-list writes: the member ids added or removed.</summary>
    public IReadOnlyList<string>? MemberIds { get; init; }

    /// <summary>The live object before the write (raw API JSON, sub-resources included).</summary>
    public JObject? PreImage { get; init; }

    public string? PreFingerprint { get; init; }

    /// <summary>The fingerprint the object had right after our write: rollback only touches it while it still has it.</summary>
    public string? PostFingerprint { get; init; }

    public JObject? PostImage { get; init; }

    public WriteStatus? Status { get; init; }

    public string? Error { get; init; }

    public string? Timestamp { get; init; }
}
