namespace CxAsCode.Benchmark.Scaling;

/// <summary>One DryRun measured in its own process at one org size.</summary>
/// <param name="Objects">Managed objects in the org.</param>
/// <param name="CpuSeconds">CPU the DryRun used after the process started.</param>
/// <param name="CpuAboveStartup">The same, less what a DryRun of a tiny org uses (JIT, first requests).</param>
/// <param name="WallSeconds">The DryRun's wall time (no rate limit).</param>
/// <param name="PeakMegabytes">The process's peak working set.</param>
internal sealed record ScalePoint(int Objects, double CpuSeconds, double CpuAboveStartup, double WallSeconds, double PeakMegabytes);
