namespace CxAsCode.Deployment;

/// <summary>
/// One deploy per environment at a time on this machine: an exclusive lock file in
/// <c>artifacts/&lt;env&gt;</c> naming its holder. The OS drops it if the process dies.
/// </summary>
public sealed class DeployLock : IDisposable
{
    private readonly FileStream _stream;

    private DeployLock(FileStream stream) => _stream = stream;

    public static DeployLock Acquire(string folder, string runId, TimeProvider time)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "deploy.lock");
        try
        {
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 4096, FileOptions.DeleteOnClose);
            stream.SetLength(0);
            using (var writer = new StreamWriter(stream, leaveOpen: true))
            {
                writer.Write($"run {runId}, process {Environment.ProcessId} on {Environment.MachineName}, since {time.GetUtcNow():O}");
            }

            stream.Flush();
            return new DeployLock(stream);
        }
        catch (IOException)
        {
            var holder = File.Exists(path) ? ReadHolder(path) : "another process";
            throw new InvalidOperationException($"Another deploy to this environment is running ({holder}); not starting a second one.");
        }
    }

    public void Dispose() => _stream.Dispose();

    private static string ReadHolder(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (IOException)
        {
            return "holder unknown";
        }
    }
}
