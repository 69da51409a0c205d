using System.Diagnostics;
using CxAsCode.Sandbox;
using CxAsCode.Sandbox.Kinds;
using CxAsCode.Sandbox.Kinds.Queues;
using CxAsCode.Sandbox.Permissions;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Sandbox.Store;

/// <summary>Issue 11: creating, listing a page and reading a sub-resource cost the same in a 50,000-object
/// org as in a 50-object one. Measured on the store the endpoints call (no HTTP noise), as the fastest of
/// several rounds; a scan or a sort per request would make the large org about 1,000 times slower, so a
/// generous bound of 10 times still tells the two apart on a busy machine.</summary>
[NonParallelizable]
public sealed class StoreScalingTests
{
    private const int Small = 50;
    private const int Large = 50_000;
    private const double Allowed = 10;

    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public void Operations_LargeOrg_CostAboutTheSameAsInASmallOne()
    {
        var small = Measure(Build(Small));
        var large = Measure(Build(Large));

        using (Assert.EnterMultipleScope())
        {
            foreach (var (operation, smallTicks) in small)
            {
                var ratio = (double)large[operation] / Math.Max(smallTicks, 1);
                TestContext.Out.WriteLine($"{operation}: {smallTicks} → {large[operation]} ticks ({ratio:0.0}×)");
                Assert.That(ratio, Is.LessThan(Allowed), $"{operation}: {smallTicks} ticks at {Small} objects, {large[operation]} at {Large}");
            }
        }
    }

    private static Org Build(int queues)
    {
        var org = SeedLoader.Load(SeedNames.Empty, null, Now, RealismProfile.Off());
        var write = Write();
        var code = CxAsCode.Sandbox.Kinds.WrapupCodes.WrapupCodeOperations.Create(org, new JObject { ["name"] = "Resolved" }, write);
        for (var i = 0; i < queues; i++)
        {
            var queue = QueueOperations.Create(org, new JObject { ["name"] = $"Queue {i:D6}" }, write);
            QueueWrapupCodeOperations.Add(org, queue.Str("id")!, new JArray(new JObject { ["id"] = code.Str("id") }), write);
        }

        org.Advance(Now);
        return org;
    }

    /// <summary>Ticks for 200 of each operation, the fastest of 5 rounds.</summary>
    private static Dictionary<string, long> Measure(Org org)
    {
        var ids = org.Queues.List(ListQuery.Everything, DivisionScope.All).From(0).Select(q => q.Str("id")!).Take(200).ToList();
        var middle = org.Queues.Count / 2;
        var created = 0;
        var operations = new Dictionary<string, Func<int, object>>
        {
            ["create"] = _ => QueueOperations.Create(org, new JObject { ["name"] = $"New {created++:D7}" }, Write()),
            ["list page in the middle"] = _ => org.Queues.List(ListQuery.Everything, DivisionScope.All).From(middle).Take(25).ToList(),
            ["name filter"] = i => org.Queues.List(new ListQuery(null, $"Queue {i % 40:D6}", null), DivisionScope.All).From(0).ToList(),
            ["get by id"] = i => Visible.Get(org, org.Queues, ids[i % ids.Count], "queue", Access.Unrestricted),
            ["queue wrap-up codes"] = i => QueueWrapupCodeOperations.Assigned(org, ids[i % ids.Count], Access.Unrestricted).ToList(),
        };

        return operations.ToDictionary(o => o.Key, o => Enumerable.Range(0, 5).Min(_ =>
        {
            var results = 0;
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < 200; i++)
            {
                results += o.Value(i) is null ? 0 : 1;
            }

            watch.Stop();
            Assert.That(results, Is.EqualTo(200));
            return watch.ElapsedTicks;
        }));
    }

    private static WriteContext Write() => new(new Stamp(Actors.ApiClient, SandboxClock.Format(Now)), Now, RealismProfile.Off(), Access.Unrestricted);
}
