using System.Diagnostics;

namespace CxAsCode.Pipeline;

/// <summary>
/// The few git steps the pipeline takes, through the git CLI with an argument list (no shell): the commit
/// a plan was made from, and Sync's commit. The CLI rather than LibGit2Sharp because it needs no native
/// library under the Cake host and every runner has git.
/// </summary>
internal static class Git
{
    /// <summary>The HEAD commit id, or null outside a git work tree.</summary>
    public static string? HeadCommit(string repositoryRoot)
    {
        var (code, output) = Run(repositoryRoot, "rev-parse", "HEAD");
        return code == 0 ? output.Trim() : null;
    }

    /// <summary>
    /// Uncommitted changes under <paramref name="path"/> (staged, unstaged or untracked), one porcelain line
    /// each; null when <paramref name="repositoryRoot"/> is not in a git work tree (or git is missing).
    /// </summary>
    public static IReadOnlyList<string>? UncommittedChanges(string repositoryRoot, string path)
    {
        if (Run(repositoryRoot, "rev-parse", "--is-inside-work-tree") is not (0, var inside) || inside.Trim() != "true")
        {
            return null;
        }

        var (code, output) = Run(repositoryRoot, "status", "--porcelain", "--untracked-files=all", "--", path);
        Check((code, output), "git status");
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    /// <summary>Stages <paramref name="path"/> and commits it; returns false when nothing changed.</summary>
    public static bool CommitPath(string repositoryRoot, string path, string message)
    {
        Check(Run(repositoryRoot, "add", "--all", "--", path), "git add");
        if (Run(repositoryRoot, "diff", "--cached", "--quiet", "--", path).Code == 0)
        {
            return false;
        }

        Check(Run(repositoryRoot, "commit", "--quiet", "-m", message, "--", path), "git commit");
        return true;
    }

    private static void Check((int Code, string Output) result, string what)
    {
        if (result.Code != 0)
        {
            throw new InvalidOperationException($"{what} failed: {result.Output.Trim()}");
        }
    }

    private static (int Code, string Output) Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output.Result + error);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, "git is not installed: " + e.Message);
        }
    }
}
