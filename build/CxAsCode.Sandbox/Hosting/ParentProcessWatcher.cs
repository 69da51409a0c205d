using System.Diagnostics;
using Microsoft.Extensions.Hosting;

namespace CxAsCode.Sandbox.Hosting;

/// <summary>Stops the sandbox once the process that started it is gone, so a crashed build never leaves
/// an orphan server holding the port.</summary>
internal sealed class ParentProcessWatcher(int parentPid, TimeProvider time, IHostApplicationLifetime lifetime) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollInterval, time);
        do
        {
            if (!IsAlive(parentPid))
            {
                lifetime.StopApplication();
                return;
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
