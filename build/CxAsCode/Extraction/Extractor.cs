using CxAsCode.Http;
using CxAsCode.Normalization;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Extraction;

/// <summary>
/// Reads the live org: every kind with its largest page size (Σ ⌈N/pageSize⌉ calls), plus sub-resource
/// lists only for the objects whose desired state manages them. Never one GET per object where a list
/// page serves.
/// </summary>
internal sealed class Extractor
{
    /// <summary>Sub-resource reads in flight: two per token the pool may hold (each token is paced on its
    /// own, and two keep one busy while the other's answer travels), at least 4, at most 40.</summary>
    private int SubResourceParallelism => Math.Clamp(_client.Pool.Size * 2, 4, 40);
    private readonly GenesysClient _client;
    private readonly Action<string> _progress;
    private readonly TimeSpan _progressEvery;

    /// <param name="client">The API.</param>
    /// <param name="progress">Where to say how far Extract has got.</param>
    /// <param name="progressEvery">
    /// A kind whose reads take longer than this says how far it has got between pages, so a long extract is never
    /// silent (a thousand queues' wrap-up codes take over three minutes on one token).
    /// </param>
    public Extractor(GenesysClient client, Action<string> progress, TimeSpan? progressEvery = null)
    {
        _client = client;
        _progress = progress;
        _progressEvery = progressEvery ?? TimeSpan.FromSeconds(10);
    }

    /// <param name="wantsSubResources">Whether to read a sub-resource list for an object (kind, live name).</param>
    /// <param name="cancellationToken">Stops between requests.</param>
    public async Task<LiveSnapshot> ExtractAsync(Func<ResourceKind, SubResource, string, bool> wantsSubResources, CancellationToken cancellationToken)
    {
        var objects = new List<ResourceObject>();
        var deleted = new List<ResourceObject>();
        foreach (var kind in ResourceKinds.All)
        {
            var before = _client.Counter.Total;
            var (count, jobs) = (0, 0);
            var lastSaid = _client.Time.GetTimestamp();
            // Page by page: a page's raw JSON is reduced to managed fields and compact text before the next is read.
            await foreach (var page in _client.GetPagesAsync(kind.ApiPath, kind.PageSize, kind.ListQuery, cancellationToken))
            {
                var raws = page.Where(kind.IsPresent).ToList();
                if (kind.Restorable)
                {
                    deleted.AddRange(page.Where(r => !kind.IsPresent(r)).Select(raw => ToObject(kind, raw)));
                }

                foreach (var sub in kind.SubResources)
                {
                    var owners = raws.Where(r => wantsSubResources(kind, sub, (string?)r["name"] ?? string.Empty)).ToList();
                    await Parallel.ForEachAsync(owners, new ParallelOptions { MaxDegreeOfParallelism = SubResourceParallelism, CancellationToken = cancellationToken }, async (raw, token) =>
                    {
                        raw[sub.Field] = await ReadSubResourceAsync(kind, sub, (string)raw["id"]!, token);
                    });
                }

                // A flows page holds 500, ten export jobs' worth: content read per page costs at most one job per page more than for the whole list.
                jobs += kind.IsFlow ? await FlowContent.AttachAsync(new Flows.ArchitectJobs(_client), raws, cancellationToken) : 0;
                objects.AddRange(raws.Select(raw => ToObject(kind, raw)));
                count += raws.Count;
                if (_client.Time.GetElapsedTime(lastSaid) >= _progressEvery)
                {
                    _progress($"Extract: {kind.Name,-14} {count,5} objects so far in {_client.Counter.Total - before} requests");
                    lastSaid = _client.Time.GetTimestamp();
                }
            }

            _progress($"Extract: {kind.Name,-14} {count,5} objects in {_client.Counter.Total - before} requests{(jobs > 0 ? $" ({jobs} export job{(jobs == 1 ? string.Empty : "s")})" : string.Empty)}");
        }

        return new LiveSnapshot(objects, deleted);
    }

    /// <summary>One sub-resource list, reduced to <c>{id, name}</c> references.</summary>
    private async Task<JArray> ReadSubResourceAsync(ResourceKind kind, SubResource sub, string ownerId, CancellationToken cancellationToken)
    {
        var entries = await _client.GetAllAsync(kind.ItemPath(ownerId) + sub.PathSuffix, sub.PageSize, null, cancellationToken);
        return new JArray(entries.Select(e => new JObject { ["id"] = e["id"]?.DeepClone(), ["name"] = e["name"]?.DeepClone() }));
    }

    /// <summary>
    /// A live object as Extract keeps it: its managed fields (references still ids, named by Normalize) and its raw
    /// JSON, both as compact text (a page's parsed JSON is garbage as soon as the next is read). Takes
    /// <paramref name="raw"/> apart: once its text is kept, its managed fields are moved, not copied.
    /// </summary>
    public static ResourceObject ToObject(ResourceKind kind, JObject raw)
    {
        var kept = new ResourceObject(kind, kind.KeyOf(raw), []) { Id = (string?)raw["id"], Raw = raw };
        return (kept with { Body = LiveNormalizer.Take(kind, raw) }).Compacted();
    }
}
