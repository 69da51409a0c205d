using System.Globalization;

namespace CxAsCode.Benchmark;

/// <summary>What one benchmark run measures. The Cake target checks the arguments (ArgumentTable) before it
/// starts this program, so here a bad value is a plain error.</summary>
internal sealed record BenchmarkSettings
{
    public int Objects { get; init; } = 1000;

    public int Changes { get; init; } = 50;

    /// <summary>Requests per minute per token, in the sandbox and in every client.</summary>
    public int RateLimit { get; init; } = 300;

    public int TokenPoolSize { get; init; } = 10;

    /// <summary>Org sizes for the CPU and memory measurement of a DryRun.</summary>
    public IReadOnlyList<int> Scales { get; init; } = [1000, 10_000, 50_000];

    /// <summary>Where <c>artifacts/benchmark/</c> goes.</summary>
    public string RepositoryRoot { get; init; } = Directory.GetCurrentDirectory();

    public string ResultsFolder => Path.Combine(RepositoryRoot, "artifacts", "benchmark");

    /// <summary>Reads <c>--name=value</c> arguments.</summary>
    /// <exception cref="ArgumentException">An unknown argument or a value that is not a positive number.</exception>
    public static BenchmarkSettings Parse(IEnumerable<string> arguments)
    {
        var settings = new BenchmarkSettings();
        foreach (var argument in arguments)
        {
            var (name, value) = argument.Split('=', 2) is [var n, var v] ? (n, v) : (argument, string.Empty);
            settings = name switch
            {
                "--objects" => settings with { Objects = Number(name, value, 10) },
                "--changes" => settings with { Changes = Number(name, value, 0) },
                "--rate-limit" => settings with { RateLimit = Number(name, value, 1) },
                "--token-pool-size" => settings with { TokenPoolSize = Number(name, value, 1) },
                "--scales" => settings with { Scales = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => Number(name, s, 10))] },
                "--repository-root" => settings with { RepositoryRoot = Path.GetFullPath(value) },
                _ => throw new ArgumentException($"Unknown benchmark argument {name}."),
            };
        }

        return settings;
    }

    private static int Number(string name, string value, int minimum) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= minimum
            ? number
            : throw new ArgumentException($"{name} takes a whole number of at least {minimum} (got '{value}').");
}
