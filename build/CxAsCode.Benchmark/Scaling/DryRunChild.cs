using System.Diagnostics;
using CxAsCode.Configuration;
using CxAsCode.Pipeline;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Benchmark.Scaling;

/// <summary>
/// The measured side of the scaling run, in a process of its own so the sandbox's work and the parent's
/// generated org count nowhere: one DryRun (Auth → … → DryRun, no rate limit) of the repository it is given,
/// reporting the CPU it used after start-up, its wall time and the process's peak working set.
/// </summary>
internal static class DryRunChild
{
    public const string Flag = "--dry-run-child";

    public static async Task<int> RunAsync(string repositoryRoot)
    {
        var process = Process.GetCurrentProcess();
        var startup = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var options = new PipelineOptions { Target = "DryRun", Environment = PipelinePhases.Environment, RepositoryRoot = repositoryRoot, RequestsPerMinute = 0 };
        using var output = new StringWriter();
        using (var run = PipelineRun.Create(options, System.Environment.GetEnvironmentVariable, TimeProvider.System, output))
        {
            Exception? failure = null;
            try
            {
                await run.AuthAsync();
                await run.ExtractAsync();
                run.Normalize();
                run.Validate();
                run.DryRun();
            }
            catch (Exception e)
            {
                failure = e;
            }

            if (run.Finish(failure) != 0)
            {
                await Console.Error.WriteLineAsync(output.ToString());
                return 1;
            }
        }

        process.Refresh();
        Console.WriteLine(new JObject
        {
            ["startupCpuMs"] = startup.TotalMilliseconds,
            ["cpuMs"] = (process.TotalProcessorTime - startup).TotalMilliseconds,
            ["wallMs"] = clock.Elapsed.TotalMilliseconds,
            ["peakMb"] = process.PeakWorkingSet64 / (1024.0 * 1024.0),
        }.ToString(Newtonsoft.Json.Formatting.None));
        return 0;
    }
}
