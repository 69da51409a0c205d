using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CxAsCode.Tests.Sandbox;

/// <summary>The sandbox as the engine runs it: a child process started with <c>--port 0</c> whose first
/// stdout line names the address.</summary>
public sealed partial class ProgramProcessTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    [Test]
    public async Task Main_Port0_PrintsExactlyTheListeningLineAndServes()
    {
        using var process = Start("--port", "0", "--in-memory", "--parent-pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        try
        {
            using var cancel = new CancellationTokenSource(StartTimeout);
            var line = await process.StandardOutput.ReadLineAsync(cancel.Token);
            var match = ListeningLine().Match(line ?? string.Empty);
            Assert.That(match.Success, Is.True, $"first stdout line was: {line}");

            using var http = new HttpClient { BaseAddress = new Uri(match.Groups["url"].Value + "/") };
            using var response = await http.GetAsync(new Uri("sandbox/state", UriKind.Relative), cancel.Token);
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Test]
    public async Task Main_BadArgument_ExitsWith2AndExplainsOnStderr()
    {
        using var process = Start("--port", "not-a-number");
        using var cancel = new CancellationTokenSource(StartTimeout);
        var stderr = await process.StandardError.ReadToEndAsync(cancel.Token);
        var stdout = await process.StandardOutput.ReadToEndAsync(cancel.Token);
        await process.WaitForExitAsync(cancel.Token);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(process.ExitCode, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain("--port"));
            Assert.That(stdout, Is.Empty);
        }
    }

    [GeneratedRegex(@"^CxAsCode sandbox listening on (?<url>http://127\.0\.0\.1:\d+)$")]
    private static partial Regex ListeningLine();

    private static Process Start(params string[] args)
    {
        var dll = Path.Combine(TestContext.CurrentContext.TestDirectory, "CxAsCode.Sandbox.dll");
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("Could not start the sandbox process.");
    }
}
