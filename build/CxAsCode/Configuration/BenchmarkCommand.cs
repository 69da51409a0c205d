using System.Globalization;

namespace CxAsCode.Configuration;

/// <summary>How the Benchmark target starts the benchmark program (build/CxAsCode.Benchmark) with the
/// checked arguments.</summary>
public static class BenchmarkCommand
{
    public static string Project(string repositoryRoot) =>
        Path.Combine(repositoryRoot, "build", "CxAsCode.Benchmark", "CxAsCode.Benchmark.csproj");

    public static string Assembly(string repositoryRoot) =>
        Path.Combine(repositoryRoot, "build", "CxAsCode.Benchmark", "bin", "Release", "net10.0", "CxAsCode.Benchmark.dll");

    /// <summary>The program's arguments after its assembly.</summary>
    public static IReadOnlyList<string> Arguments(PipelineOptions options, Func<string, string?> env)
    {
        ArgumentNullException.ThrowIfNull(options);
        return
        [
            "--objects=" + options.BenchmarkObjects.ToString(CultureInfo.InvariantCulture),
            "--changes=" + options.BenchmarkChanges.ToString(CultureInfo.InvariantCulture),
            "--rate-limit=" + options.RequestsPerMinute.ToString(CultureInfo.InvariantCulture),
            "--token-pool-size=" + TokenPoolSizes.Resolve(options, env).ToString(CultureInfo.InvariantCulture),
            "--scales=" + string.Join(',', options.BenchmarkScales.Select(n => n.ToString(CultureInfo.InvariantCulture))),
            "--repository-root=" + options.RepositoryRoot,
        ];
    }
}
