using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Store;

/// <summary>A list ready to page: how many entries it has and the entries from a rank on, in list order.
/// Backed by an index (O(log n + page)) or, for small filtered results, by a sorted array.</summary>
internal sealed class Listing(int count, Func<int, IEnumerable<JObject>> from)
{
    public int Count { get; } = count;

    public IEnumerable<JObject> From(int rank) => rank >= Count ? [] : from(rank);

    public static Listing Of(IReadOnlyList<JObject> sorted) => new(sorted.Count, rank => sorted.Skip(rank));
}
