using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using CxAsCode.Benchmark.Scaling;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Benchmark;

/// <summary>Everything one benchmark run measured, as the table it prints and the files it writes.</summary>
internal sealed record BenchmarkResults(
    BenchmarkSettings Settings,
    GeneratedOrg Org,
    IReadOnlyList<PhaseResult> Phases,
    IReadOnlyList<ScalePoint> Scaling,
    double CpuExponent,
    double MemoryExponent,
    DateTimeOffset FinishedAt)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Machine =>
        $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):0} GiB, {RuntimeInformation.OSDescription.Trim()}, {RuntimeInformation.FrameworkDescription}";

    public string Command =>
        $"./build.sh --target=Benchmark --objects={Settings.Objects} --changes={Settings.Changes} --rate-limit={Settings.RateLimit} --token-pool-size={Settings.TokenPoolSize}";

    public string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"Benchmark, {FinishedAt:yyyy-MM-dd HH:mm} UTC, on {Machine}.");
        text.AppendLine(Invariant, $"`{Command}`: a generated org of {Org.Objects:N0} objects ({Org.Skills:N0} skills, {Org.WrapupCodes:N0} wrap-up codes, {Org.Queues:N0} queues with 3 wrap-up codes each) and {Org.Changes.Count} changes, in the sandbox at {Settings.RateLimit} requests/min per token.");
        text.AppendLine();
        text.AppendLine("| phase | tool | calls | GET | POST | PUT | DELETE | 429s | tokens used | wall | floor | wall ÷ floor |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var phase in Phases)
        {
            text.AppendLine(Invariant, $"| {phase.Phase} | {phase.Tool} | {phase.Requests.Calls:N0} | {phase.Method("GET"):N0} | {phase.Method("POST"):N0} | {phase.Method("PUT"):N0} | {phase.Method("DELETE"):N0} | {phase.Requests.Throttled} | {phase.Requests.TokenRequests} | {Seconds(phase.Wall)} | {Seconds(phase.Floor)} | {phase.Ratio:0.00} |");
        }

        text.AppendLine();
        text.AppendLine("Floor = calls ÷ (pool size × requests per minute): the least time those calls take at the limit's steady pace (a fresh token's first minute can go faster, so a short phase can finish under its floor). The baselines are written in `build/CxAsCode.Benchmark/Baselines/` and get the same tokens; they check nothing the pipeline checks (preconditions, journal, rollback, order).");
        text.AppendLine();
        text.AppendLine("| DryRun, no rate limit | CPU | CPU above a 30-object run | peak memory | wall |");
        text.AppendLine("|---:|---:|---:|---:|---:|");
        foreach (var point in Scaling)
        {
            text.AppendLine(Invariant, $"| {point.Objects:N0} objects | {point.CpuSeconds:0.00} s | {point.CpuAboveStartup:0.00} s | {point.PeakMegabytes:0} MB | {point.WallSeconds:0.0} s |");
        }

        text.AppendLine();
        text.AppendLine(Scaling.Count < 2
            ? "Growth exponent: needs two sizes or more (--scales). Each size runs in a process of its own against a sandbox in another."
            : string.Create(Invariant, $"Growth exponent (slope of log cost over log objects, 1 = linear): CPU {CpuExponent:0.00}, memory above the fixed cost {MemoryExponent:0.00}. Each size runs in a process of its own against a sandbox in another."));
        return text.ToString();
    }

    public JObject Json() => new()
    {
        ["finishedAt"] = FinishedAt.ToString("o", Invariant),
        ["machine"] = Machine,
        ["command"] = Command,
        ["org"] = new JObject { ["objects"] = Org.Objects, ["skills"] = Org.Skills, ["wrapupCodes"] = Org.WrapupCodes, ["queues"] = Org.Queues, ["changes"] = Org.Changes.Count },
        ["rateLimitPerToken"] = Settings.RateLimit,
        ["tokenPoolSize"] = Settings.TokenPoolSize,
        ["phases"] = new JArray(Phases.Select(p => new JObject
        {
            ["phase"] = p.Phase,
            ["tool"] = p.Tool,
            ["calls"] = p.Requests.Calls,
            ["byMethod"] = JObject.FromObject(p.Requests.ByMethod),
            ["byKind"] = JObject.FromObject(p.Requests.ByKind),
            ["throttled"] = p.Requests.Throttled,
            ["tokenRequests"] = p.Requests.TokenRequests,
            ["tokens"] = p.Tokens,
            ["wallSeconds"] = Math.Round(p.Wall.TotalSeconds, 3),
            ["floorSeconds"] = Math.Round(p.Floor.TotalSeconds, 3),
            ["ratioToFloor"] = Math.Round(p.Ratio, 3),
        })),
        ["scaling"] = new JArray(Scaling.Select(s => new JObject
        {
            ["objects"] = s.Objects,
            ["cpuSeconds"] = Math.Round(s.CpuSeconds, 3),
            ["cpuAboveStartupSeconds"] = Math.Round(s.CpuAboveStartup, 3),
            ["peakMegabytes"] = Math.Round(s.PeakMegabytes, 1),
            ["wallSeconds"] = Math.Round(s.WallSeconds, 3),
        })),
        ["cpuExponent"] = double.IsNaN(CpuExponent) ? null : Math.Round(CpuExponent, 3),
        ["memoryExponent"] = double.IsNaN(MemoryExponent) ? null : Math.Round(MemoryExponent, 3),
    };

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString(time.TotalSeconds < 10 ? "0.00 s" : "0.0 s", Invariant);
}
