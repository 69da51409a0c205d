using System.Diagnostics;

namespace CxAsCode.Tests.Integration;

/// <summary>
/// A throwaway clone of the checkout that <c>./build.sh</c> tests run in, so no test ever writes into the
/// checkout it runs from (its <c>artifacts/</c>, <c>.sandbox/</c>, <c>state/</c>). Made once per test session,
/// cheaply: the files git would check out (tracked, plus new files not yet added, as they are in the work
/// tree), the engine and sandbox already built under <c>build/*/bin</c> and build.sh's input checksum (so its
/// build is skipped when nothing changed), then committed in a fresh git repository so it is a clean clone.
/// Before each test the folders runs write (<see cref="RunOutputs"/>) are reset to the checkout's content.
/// </summary>
internal sealed class RepositoryCopy
{
    /// <summary>What a run may change: reset before every test.</summary>
    public static readonly string[] RunOutputs = ["state", "mappings", "artifacts", ".sandbox"];

    private static readonly string[] Built = ["build/CxAsCode/bin", "build/CxAsCode.Sandbox/bin", ".build/pipeline-inputs.cksum"];

    private readonly string _source;

    private RepositoryCopy(string source, string root)
    {
        _source = source;
        Root = root;
    }

    public string Root { get; }

    public static RepositoryCopy Create(string source)
    {
        var root = Path.Combine(Path.GetTempPath(), "cxascode-clone-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var file in WorkTreeFiles(source).Concat(Built.SelectMany(b => FilesUnder(source, b))))
        {
            CopyFile(source, root, file);
        }

        Git(root, "init", "--quiet");
        Git(root, "add", "--all");
        Git(root, "-c", "user.name=cxascode-tests", "-c", "user.email=tests@example.invalid", "-c", "commit.gpgsign=false", "commit", "--quiet", "-m", "copy of the checkout under test");
        return new RepositoryCopy(source, root);
    }

    /// <summary>
    /// Runs <c>./build.sh --help</c> once, so a build the clone still needs (its checksum was stale or absent)
    /// happens here and not in whichever test comes first: every test then sees a warm run's output.
    /// </summary>
    public RepositoryCopy WarmUp()
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("build.sh");
        start.ArgumentList.Add("--help");
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? this
            : throw new InvalidOperationException($"./build.sh --help in the clone {Root} exited {process.ExitCode}: {output.Result}{error}");
    }

    /// <summary>Puts state/ and mappings/ back as the checkout has them; empties artifacts/ and .sandbox/.</summary>
    public void Reset()
    {
        foreach (var folder in RunOutputs)
        {
            var path = Path.Combine(Root, folder);
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }

            foreach (var file in folder is "state" or "mappings" ? FilesUnder(_source, folder) : [])
            {
                CopyFile(_source, Root, file);
            }
        }
    }

    public void Delete()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    /// <summary>Tracked files and new ones git does not ignore, relative to <paramref name="source"/>; deleted ones skipped.</summary>
    private static IEnumerable<string> WorkTreeFiles(string source) =>
        Git(source, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
            .Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal)
            .Where(f => File.Exists(Path.Combine(source, f)));

    private static IEnumerable<string> FilesUnder(string source, string relative)
    {
        var path = Path.Combine(source, relative);
        return File.Exists(path) ? [relative]
            : Directory.Exists(path) ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(source, f))
            : [];
    }

    private static void CopyFile(string source, string target, string relative)
    {
        var to = Path.Combine(target, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(Path.Combine(source, relative), to, overwrite: true); // keeps the mode: build.sh stays executable
    }

    private static string Git(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? output.Result
            : throw new InvalidOperationException($"git {string.Join(' ', arguments)} in {workingDirectory} failed: {error}");
    }
}
