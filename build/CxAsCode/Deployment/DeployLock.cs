namespace CxAsCode.Deployment;

/// <summary>
/// One deploy per environment at a time on this machine: an exclusively opened lock file in
/// <c>artifacts/&lt;env&gt;</c> (the OS drops it if the process dies) and, beside it, who holds it.
/// </summary>
internal sealed class DeployLock : IDisposable
{
    private readonly FileStream _stream;
    private readonly string _holderPath;

    private DeployLock(FileStream stream, string holderPath)
    {
        _stream = stream;
        _holderPath = holderPath;
    }

    public static DeployLock Acquire(string folder, string runId, TimeProvider time)
    {
        Directory.CreateDirectory(folder);
        var lockPath = Path.Combine(folder, "deploy.lock");
        var holderPath = lockPath + ".holder";
        FileStream stream;
        try
        {
            // FileShare.None is an exclusive lock on every platform .NET runs on (flock on Unix).
            stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException)
        {
            var holder = File.Exists(holderPath) ? File.ReadAllText(holderPath) : "holder unknown";
            throw new InvalidOperationException($"Another deploy to this environment is running ({holder}); not starting a second one.");
        }

        File.WriteAllText(holderPath, $"run {runId}, process {Environment.ProcessId} on {Environment.MachineName}, since {time.GetUtcNow():O}");
        return new DeployLock(stream, holderPath);
    }

    public void Dispose()
    {
        File.Delete(_holderPath);
        _stream.Dispose();
    }
}
