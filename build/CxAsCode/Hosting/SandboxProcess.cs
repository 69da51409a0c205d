using System.Diagnostics;
using System.Text.RegularExpressions;
using CxAsCode.Configuration;

namespace CxAsCode.Hosting;

/// <summary>
/// Runs the sandbox as a child process on a free port and stops it with the run. The engine never
/// references the sandbox's code: it only starts its published assembly.
/// </summary>
internal sealed partial class SandboxProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly Process _process;

    private SandboxProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>
    /// The sandbox a run starts behaves like the real platform (validation, server defaults, divisions, queue
    /// rules, eventual consistency, Architect jobs that take time), with its lags shortened from the realistic
    /// 5 s lists / 2 s reads / 60 s deletes / 2 s jobs: a person's Deploy followed by a DryRun a couple of seconds
    /// later should agree, as it would after a coffee against a real org. <c>--target=Sandbox</c> runs the full lags.
    /// </summary>
    public static IReadOnlyList<string> RunRealism { get; } =
        ["--realism", "on", "--list-lag", "1", "--get-lag", "1", "--queue-delete-linger", "10", "--deleted-skill-listed", "10", "--job-time", "0.2"];

    /// <param name="assembly">The sandbox's <c>CxAsCode.Sandbox.dll</c>.</param>
    /// <param name="dataDirectory">Where it persists the org between runs (<c>.sandbox/</c>).</param>
    /// <param name="port">0 for a free port.</param>
    /// <param name="cancellationToken">Stops waiting for it to start.</param>
    public static async Task<SandboxProcess> StartAsync(string assembly, string dataDirectory, int port, CancellationToken cancellationToken)
    {
        if (!File.Exists(assembly))
        {
            throw new ConfigurationException($"The sandbox is not built ({assembly} is missing): run ./build.sh, which builds it.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments = [assembly, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data-dir", dataDirectory, "--parent-pid", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), .. RunRealism];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new ConfigurationException("Could not start the sandbox process.");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (Listening().Match(line) is { Success: true } match)
                {
                    // Keep draining stdout so the child never blocks on a full pipe.
                    _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
                    return new SandboxProcess(process, new Uri(match.Groups[1].Value));
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }

        process.Kill(entireProcessTree: true);
        var stderr = errors.IsCompleted ? await errors : string.Empty;
        process.Dispose();
        throw new ConfigurationException($"The sandbox did not start within {StartTimeout.TotalSeconds:0} s. {stderr.Trim()}");
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"listening on (http://[^\s]+)")]
    private static partial Regex Listening();
}
