using Newtonsoft.Json.Linq;

namespace CxAsCode.Resources;

/// <summary>
/// One object of a kind in canonical form: references hold the target org's natural keys, volatile fields
/// are gone, keys are sorted. Desired objects come from a state file; live objects also carry their id and
/// the raw API JSON (the pre-image a PUT starts from and a fingerprint is taken of).
/// </summary>
public sealed record ResourceObject(ResourceKind Kind, string Key, JObject Body)
{
    /// <summary>The live id; null for desired objects.</summary>
    public string? Id { get; init; }

    /// <summary>The live object as the API returned it, sub-resources included; null for desired objects.</summary>
    public JObject? Raw { get; init; }

    /// <summary>The state file, relative to <c>state/&lt;env&gt;</c>; null for live objects.</summary>
    public string? SourceFile { get; init; }

    /// <summary>Content fingerprint of <see cref="Raw"/>; empty for desired objects.</summary>
    public string Fingerprint => Raw is null ? string.Empty : Fingerprints.Of(Kind, Raw);
}
