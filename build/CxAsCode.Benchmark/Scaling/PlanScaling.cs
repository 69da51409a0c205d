using System.Diagnostics;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Benchmark.Scaling;

/// <summary>
/// CPU and peak memory of a DryRun (normalize + validate + plan, with the extract that feeds them) as the org
/// grows: for each size a generated org in the sandbox (no rate limit) and a child process that plans
/// against it, plus a tiny org for the fixed cost; then the growth exponent (the slope of log cost over log
/// size, least squares), 1.0 being linear.
/// </summary>
internal static class PlanScaling
{
    private const int Tiny = 30;

    public static async Task<(IReadOnlyList<ScalePoint> Points, double CpuExponent, double MemoryExponent)> MeasureAsync(IReadOnlyList<int> sizes, Action<string> progress)
    {
        var fixedCost = await MeasureOneAsync(Tiny);
        var points = new List<ScalePoint>();
        foreach (var size in sizes.Order())
        {
            var (cpu, wall, peak) = await MeasureOneAsync(size);
            points.Add(new ScalePoint(size, cpu, Math.Max(0, cpu - fixedCost.Cpu), wall, peak));
            progress($"Benchmark: DryRun of {size:N0} objects: {cpu:0.00} s CPU ({cpu - fixedCost.Cpu:0.00} s above a {Tiny}-object run), {peak:0} MB peak, {wall:0.0} s wall.");
        }

        return (points,
            Exponent(points.Select(p => ((double)p.Objects, p.CpuAboveStartup))),
            Exponent(points.Select(p => ((double)p.Objects, Math.Max(1, p.PeakMegabytes - fixedCost.Peak)))));
    }

    /// <summary>Least-squares slope of log y over log x; NaN with fewer than two sizes.</summary>
    public static double Exponent(IEnumerable<(double X, double Y)> points)
    {
        var logs = points.Where(p => p.X > 0 && p.Y > 0).Select(p => (X: Math.Log(p.X), Y: Math.Log(p.Y))).ToList();
        if (logs.Count < 2)
        {
            return double.NaN;
        }

        var meanX = logs.Average(p => p.X);
        var meanY = logs.Average(p => p.Y);
        var spread = logs.Sum(p => (p.X - meanX) * (p.X - meanX));
        return spread == 0 ? double.NaN : logs.Sum(p => (p.X - meanX) * (p.Y - meanY)) / spread;
    }

    private static async Task<(double Cpu, double Wall, double Peak)> MeasureOneAsync(int objects)
    {
        var org = OrgGenerator.Generate(objects, changes: Math.Max(3, objects / 100));
        await using var sandbox = await BenchSandbox.StartAsync(org.Seed, requestsPerMinute: 0);
        using var repository = new BenchRepository();
        repository.WriteState(org.ChangedState);

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(PlanScaling).Assembly.Location);
        start.ArgumentList.Add($"{DryRunChild.Flag}={repository.Root}");
        foreach (var (name, value) in sandbox.Environment)
        {
            start.Environment[name] = value;
        }

        using var child = Process.Start(start)!;
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"The DryRun of {objects} objects failed:\n{await stdout}{await stderr}");
        }

        var result = JObject.Parse((await stdout).Trim().Split('\n')[^1]);
        return ((double)result["cpuMs"]! / 1000, (double)result["wallMs"]! / 1000, (double)result["peakMb"]!);
    }
}
