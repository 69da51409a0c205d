using CxAsCode.Json;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Resources;

/// <summary>
/// One object of a kind in canonical form: references hold the target org's natural keys, volatile fields
/// are gone, keys are sorted. Desired objects come from a state file; live objects also carry their id and
/// the raw API JSON (the pre-image a PUT starts from and a fingerprint is taken of).
/// </summary>
/// <remarks>
/// Live objects keep their body and raw JSON as compact UTF-8 text (<see cref="Compacted"/>): a parsed JSON tree
/// takes about twenty times the memory of its text, and an org's live objects were most of what a plan held, yet
/// only the few that differ from state are read field by field. Each read of such a body parses a fresh copy, so
/// a body is changed with <c>with { Body = … }</c>, never in place.
/// </remarks>
public sealed record ResourceObject
{
    public ResourceObject(ResourceKind kind, string key, JObject body)
    {
        Kind = kind;
        Key = key;
        Body = body;
    }

    public ResourceKind Kind { get; init; }

    public string Key { get; init; }

    /// <summary>The canonical body (after Extract and before Normalize: the managed fields, references not yet named).</summary>
    public JObject Body
    {
        get => BodyTree ?? (JObject)CanonicalJson.Parse(BodyText!)!;
        init => (BodyTree, BodyText) = (value, null);
    }

    private JObject? BodyTree { get; init; }

    private byte[]? BodyText { get; init; }

    /// <summary>The live id; null for desired objects.</summary>
    public string? Id { get; init; }

    /// <summary>
    /// The live object as the API returned it, sub-resources included; null for desired objects. Kept as compact
    /// text: only fingerprints of planned changes, flow locks and flow content read it.
    /// </summary>
    public JObject? Raw
    {
        get => RawText is null ? null : (JObject)CanonicalJson.Parse(RawText)!;
        init => RawText = value is null ? null : CanonicalJson.Utf8(value);
    }

    private byte[]? RawText { get; init; }

    /// <summary>The state file, relative to <c>state/&lt;env&gt;</c>; null for live objects.</summary>
    public string? SourceFile { get; init; }

    /// <summary>Content fingerprint of <see cref="Raw"/>; empty for desired objects.</summary>
    public string Fingerprint => Raw is { } raw ? Fingerprints.Of(Kind, raw) : string.Empty;

    /// <summary>
    /// True when this object's body is <paramref name="canonical"/> to the byte, told without parsing a body kept as
    /// text. False says only that the texts differ (<c>0.8</c> and <c>0.80</c> are the same number): compare the trees then.
    /// </summary>
    public bool HasBodyText(JObject canonical) =>
        BodyText is { } text ? text.AsSpan().SequenceEqual(CanonicalJson.Utf8(canonical)) : JToken.DeepEquals(BodyTree, canonical);

    /// <summary>This object with its body kept as compact text, parsed again on each read.</summary>
    public ResourceObject Compacted() => BodyTree is null ? this : this with { BodyTree = null, BodyText = CanonicalJson.Utf8(BodyTree) };
}
