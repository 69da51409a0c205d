using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Integration;

/// <summary>
/// The Benchmark target at a tiny scale, through <c>./build.sh</c> as a user runs it, so it cannot rot. This
/// checks that it measures what it says (every phase present, the writes the changes call for, the sizes
/// asked for), not how fast anything is: a benchmark is a measurement, not a timed test.
/// </summary>
[TestFixture]
[NonParallelizable]
internal sealed class BenchmarkSmokeTests
{
    [Test]
    public async Task Benchmark_TinyOrg_WritesResultsWithEveryPhaseBothBaselinesAndEachSize()
    {
        var (exit, output) = await BuildScript.RunAsync(null, "--target=Benchmark", "--objects=40", "--changes=6", "--scales=40,80", "--rate-limit=6000", "--token-pool-size=2");

        var folder = Path.Combine(BuildScript.Root, "artifacts", "benchmark");
        var results = JObject.Parse(File.ReadAllText(Path.Combine(folder, "results.json")));
        var phases = results["phases"]!.OfType<JObject>().ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero, output);
            Assert.That(phases.Select(p => $"{p["phase"]} {p["tool"]}"), Is.EqualTo(new[]
            {
                "Extract pipeline", "DryRun pipeline", "Deploy pipeline", "Deploy pipeline, reviewed plan (--plan)", "Deploy baseline (a): shell loop", "Deploy baseline (b): per-object refresh",
            }));
            foreach (var deploy in phases.Where(p => (string?)p["phase"] == "Deploy"))
            {
                Assert.That((int?)deploy["byMethod"]!["POST"] + (int?)deploy["byMethod"]!["PUT"], Is.GreaterThanOrEqualTo(6), (string?)deploy["tool"]);
            }

            Assert.That(phases.Sum(p => (int)p["throttled"]!), Is.Zero);
            Assert.That(results["scaling"]!.Select(s => (int)s["objects"]!), Is.EqualTo(new[] { 40, 80 }));
            Assert.That(File.ReadAllText(Path.Combine(folder, "results.md")), Does.Contain("| phase | tool | calls |"));
            Assert.That(output, Does.Contain("results in artifacts/benchmark/results.md"));
        }
    }
}
