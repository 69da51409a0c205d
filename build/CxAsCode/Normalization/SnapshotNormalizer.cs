using CxAsCode.Resources;

namespace CxAsCode.Normalization;

/// <summary>Fills in the canonical body of every live object in a snapshot, deleted users included (a restore is planned against one).</summary>
internal static class SnapshotNormalizer
{
    public static LiveSnapshot Normalize(LiveSnapshot raw, ICollection<string> warnings) =>
        new(
            raw.All.Select(o => o with { Body = LiveNormalizer.ToCanonical(o.Kind, o.Raw!, raw, warnings) }),
            raw.Deleted.Select(o => o with { Body = LiveNormalizer.ToCanonical(o.Kind, o.Raw!, raw, []) }));
}
