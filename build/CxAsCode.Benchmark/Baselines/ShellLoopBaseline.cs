using Newtonsoft.Json.Linq;

namespace CxAsCode.Benchmark.Baselines;

/// <summary>
/// Baseline (a), written as the common script is: loop over the changed files only; for each, look the
/// object up by name, then PUT the looked-up object with the file's fields over it, or POST it when the
/// lookup found nothing. One object at a time, 429s retried. It checks nothing else: no precondition, no
/// journal, no rollback, no dependency order, and it never notices an object that changed in the org.
/// </summary>
internal static class ShellLoopBaseline
{
    public static async Task RunAsync(BaselineClient client, IEnumerable<GeneratedChange> changes)
    {
        foreach (var change in changes)
        {
            var path = Baselines.ApiPath(change.Kind);
            var found = await client.SendAsync(HttpMethod.Get, $"{path}?name={Uri.EscapeDataString(change.Name)}");
            if (found?["entities"]?.FirstOrDefault() is JObject live)
            {
                await client.SendAsync(HttpMethod.Put, $"{path}/{live["id"]}", Baselines.Merge(live, change));
            }
            else
            {
                await client.SendAsync(HttpMethod.Post, path, change.Body);
            }
        }
    }
}
