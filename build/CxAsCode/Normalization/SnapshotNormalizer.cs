using CxAsCode.Resources;

namespace CxAsCode.Normalization;

/// <summary>
/// Finishes the canonical body of every live object in an extracted snapshot, deleted users included (a restore is
/// planned against one): their references named now that every id is known, each body parsed from the text
/// Extract kept, finished, and kept as text again. A snapshot is normalized once; a second time is refused, since
/// a named reference no longer looks like one.
/// </summary>
internal static class SnapshotNormalizer
{
    public static LiveSnapshot Normalize(LiveSnapshot extracted, ICollection<string> warnings)
    {
        if (extracted.IsNormalized)
        {
            throw new InvalidOperationException("This live snapshot is already normalized.");
        }

        return new(
            extracted.All.Select(o => (o with { Body = LiveNormalizer.Name(o.Kind, o.Key, o.Body, extracted, warnings) }).Compacted()).ToList(),
            extracted.Deleted.Select(o => (o with { Body = LiveNormalizer.Name(o.Kind, o.Key, o.Body, extracted, []) }).Compacted()).ToList())
        {
            IsNormalized = true,
        };
    }
}
