using System.Diagnostics;

namespace CxAsCode.Tests.Integration;

/// <summary>
/// Runs <c>./build.sh</c> as a user would, against a given sandbox, in a clone of the checkout
/// (<see cref="RepositoryCopy"/>), never in the checkout itself: the runs' plans, journals, reports and
/// sandbox org land in the clone. Each test starts from a clean clone; runs within one test share it.
/// </summary>
internal static class BuildScript
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);
    private static readonly Lazy<RepositoryCopy> Copy = new(() => RepositoryCopy.Create(TestRepository.RepositoryRoot).WarmUp());
    private static string? _resetFor;

    /// <summary>The clone ./build.sh runs in, reset for the calling test: read its artifacts/ and state/ here.</summary>
    public static string Root
    {
        get
        {
            var test = TestContext.CurrentContext.Test.ID;
            if (_resetFor != test)
            {
                Copy.Value.Reset();
                _resetFor = test;
            }

            return Copy.Value.Root;
        }
    }

    /// <summary>Deletes the clone at the end of the test session, if one was made.</summary>
    public static void DeleteCopy()
    {
        if (Copy.IsValueCreated)
        {
            Copy.Value.Delete();
        }
    }

    public static Task<(int ExitCode, string Output)> RunAsync(SandboxHost? sandbox, params string[] arguments) =>
        RunAsync(sandbox, new Dictionary<string, string?>(), arguments);

    /// <param name="sandbox">Credentials and URL of a running sandbox, or null for none.</param>
    /// <param name="environment">Extra variables; a null value removes the variable.</param>
    /// <param name="arguments">The arguments after ./build.sh.</param>
    public static Task<(int ExitCode, string Output)> RunAsync(SandboxHost? sandbox, IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        RunProcessAsync(new ProcessStartInfo("bash", ["build.sh", .. arguments]), sandbox, environment);

    /// <summary>Runs another Cake script in the clone with the pinned runner, as a release build that loads
    /// our graph would (after <c>./build.sh</c> built the engine: the clone is warmed up).</summary>
    public static Task<(int ExitCode, string Output)> RunCakeAsync(SandboxHost? sandbox, string script, params string[] arguments) =>
        RunProcessAsync(
            new ProcessStartInfo("dotnet", ["cake", script, .. arguments]),
            sandbox,
            new Dictionary<string, string?> { ["CAKE_SETTINGS_ENABLESCRIPTCACHE"] = "true", ["CAKE_PATHS_CACHE"] = Path.Combine(Root, ".build", "cake-cache") });

    private static async Task<(int ExitCode, string Output)> RunProcessAsync(ProcessStartInfo start, SandboxHost? sandbox, IReadOnlyDictionary<string, string?> environment)
    {
        var arguments = start.ArgumentList.ToArray();
        start.WorkingDirectory = Root;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;

        foreach (var name in new[] { "GENESYSCLOUD_OAUTHCLIENT_ID", "GENESYSCLOUD_OAUTHCLIENT_SECRET", "GENESYSCLOUD_ACCESS_TOKEN", "GENESYSCLOUD_API_URL", "GENESYSCLOUD_LOGIN_URL", "GENESYSCLOUD_REGION", "GITHUB_STEP_SUMMARY", "GITHUB_OUTPUT", "GITHUB_ACTIONS" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in sandbox?.Environment ?? [])
        {
            start.Environment[name] = value;
        }

        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{start.FileName} {string.Join(' ', arguments)} ran past {Limit.TotalMinutes} minutes.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
