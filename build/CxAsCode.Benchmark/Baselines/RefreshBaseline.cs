using Newtonsoft.Json.Linq;

namespace CxAsCode.Benchmark.Baselines;

/// <summary>
/// Baseline (b), how a Terraform-style tool works: refresh every managed object with one GET by id (the ids
/// a state file keeps, learned here before the clock starts), then send the writes the diff calls for,
/// ten at a time, 429s retried.
/// </summary>
internal static class RefreshBaseline
{
    private const int Parallelism = 10;

    public static async Task RunAsync(BaselineClient client, IReadOnlyList<(string Kind, string Id, string Name)> managed, IEnumerable<GeneratedChange> changes)
    {
        var refreshed = new System.Collections.Concurrent.ConcurrentDictionary<(string, string), JObject>();
        await Parallel.ForEachAsync(managed, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (item, _) =>
        {
            var live = (JObject)(await client.SendAsync(HttpMethod.Get, $"{Baselines.ApiPath(item.Kind)}/{item.Id}"))!;
            refreshed[(item.Kind, item.Name)] = live;
        });

        await Parallel.ForEachAsync(changes, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (change, _) =>
        {
            var path = Baselines.ApiPath(change.Kind);
            if (refreshed.TryGetValue((change.Kind, change.Name), out var live))
            {
                await client.SendAsync(HttpMethod.Put, $"{path}/{live["id"]}", Baselines.Merge(live, change));
            }
            else
            {
                await client.SendAsync(HttpMethod.Post, path, change.Body);
            }
        });
    }
}
