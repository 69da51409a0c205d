using CxAsCode.Benchmark;
using CxAsCode.Benchmark.Scaling;

// ./build.sh --target=Benchmark runs this (the Cake task has checked the arguments). See BenchmarkResults
// for what it prints and writes.
if (args is [var child] && child.StartsWith(DryRunChild.Flag + "=", StringComparison.Ordinal))
{
    return await DryRunChild.RunAsync(child[(DryRunChild.Flag.Length + 1)..]);
}

BenchmarkSettings settings;
try
{
    settings = BenchmarkSettings.Parse(args);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync("Error: " + e.Message);
    return 1;
}

var results = await BenchmarkRun.RunAsync(settings, Console.WriteLine);
Directory.CreateDirectory(settings.ResultsFolder);
await File.WriteAllTextAsync(Path.Combine(settings.ResultsFolder, "results.md"), results.Markdown());
await File.WriteAllTextAsync(Path.Combine(settings.ResultsFolder, "results.json"), results.Json().ToString() + "\n");
Console.WriteLine();
Console.Write(results.Markdown());
Console.WriteLine();
Console.WriteLine($"Benchmark: results in {Path.GetRelativePath(settings.RepositoryRoot, settings.ResultsFolder)}/results.md and results.json.");
return 0;
