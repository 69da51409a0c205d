using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CxAsCode.Deployment;

/// <summary>
/// One deploy or rollback per environment at a time on this machine: <c>artifacts/&lt;env&gt;/deploy.lock</c>
/// opened exclusively (an OS lock, flock on Unix, which the OS drops when the process dies however it dies)
/// and, beside it, <c>deploy.lock.holder</c> saying who holds it. The lock file itself is never deleted: a
/// run that unlinked it on release could let two later runs lock two different files of the same name.
/// </summary>
internal sealed partial class DeployLock : IDisposable
{
    private readonly FileStream _stream;
    private readonly string _holderPath;

    private DeployLock(FileStream stream, string holderPath, string? staleHolder)
    {
        _stream = stream;
        _holderPath = holderPath;
        StaleHolder = staleHolder;
    }

    /// <summary>
    /// What the holder file said when the lock was free: a run that died without tidying up (the OS had
    /// already released its lock). Null when there was none.
    /// </summary>
    public string? StaleHolder { get; }

    /// <summary>Takes the lock or throws <see cref="DeployLockHeldException"/> at once, naming the holder and what to do.</summary>
    public static DeployLock Acquire(string folder, string runId, TimeProvider time)
    {
        Directory.CreateDirectory(folder);
        var lockPath = Path.Combine(folder, "deploy.lock");
        var holderPath = lockPath + ".holder";
        FileStream stream;
        try
        {
            // FileShare.None is an exclusive lock on every platform .NET runs on (flock on Unix).
            stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
        }
        catch (IOException e)
        {
            throw new DeployLockHeldException(Refusal(lockPath, holderPath), e);
        }

        var stale = File.Exists(holderPath) ? File.ReadAllText(holderPath).Trim() : null;
        File.WriteAllText(holderPath, $"run {runId}, process {Environment.ProcessId} on {Environment.MachineName}, since {time.GetUtcNow():O}\n");
        return new DeployLock(stream, holderPath, string.IsNullOrEmpty(stale) ? null : stale);
    }

    public void Dispose()
    {
        File.Delete(_holderPath);
        _stream.Dispose();
    }

    /// <summary>Who holds the lock, and how to clear it if its holder is gone.</summary>
    private static string Refusal(string lockPath, string holderPath)
    {
        var holder = File.Exists(holderPath) ? File.ReadAllText(holderPath).Trim() : string.Empty;
        var text = $"Another deploy or rollback of this environment is running ({(holder.Length == 0 ? "holder unknown" : holder)}); not starting a second one. ";
        var match = HolderPattern().Match(holder);
        if (!match.Success || match.Groups["machine"].Value != Environment.MachineName)
        {
            return text + $"The operating system releases {lockPath} when the process holding it ends; if no run should be going on, find the process that has the file open (`lsof {lockPath}`) and stop it.";
        }

        var pid = int.Parse(match.Groups["pid"].Value, CultureInfo.InvariantCulture);
        return IsRunning(pid)
            ? text + $"If that run is stuck, stop process {pid}: the operating system releases the lock when it ends. Do not delete {lockPath} while it is held."
            : text + $"Process {pid} is no longer running, so {holderPath} is stale, yet another process still has {lockPath} open (a run that died leaves no lock behind): find it with `lsof {lockPath}` and stop it, then delete the stale {Path.GetFileName(holderPath)}.";
    }

    private static bool IsRunning(int pid)
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

    [GeneratedRegex(@"process (?<pid>\d+) on (?<machine>[^,]+),")]
    private static partial Regex HolderPattern();
}
