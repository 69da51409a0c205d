namespace CxAsCode.State;

/// <summary>
/// Lists the files under a folder without ever following a link. State is read only from plain files that
/// live inside <c>state/&lt;env&gt;</c> or <c>mappings/</c>: a symbolic link (to a file or a folder, a
/// junction on Windows) could point anywhere on the machine, and git happily stores one. So a link is
/// never read or entered; it is refused, named by its path.
/// </summary>
internal static class SafeFolder
{
    private static readonly EnumerationOptions OneLevel = new()
    {
        RecurseSubdirectories = false,
        AttributesToSkip = 0, // dot-files are Hidden on Unix; they are listed and decided on by the caller
        IgnoreInaccessible = false,
        ReturnSpecialDirectories = false,
    };

    /// <summary>Every file under <paramref name="root"/>, and every link found, as paths relative to it (with '/').</summary>
    public static (IReadOnlyList<string> Files, IReadOnlyList<(string Path, string Target)> Links) List(string root)
    {
        var files = new List<string>();
        var links = new List<(string, string)>();
        var fullRoot = Path.GetFullPath(root);
        Walk(new DirectoryInfo(fullRoot), string.Empty, fullRoot, files, links);
        return (files, links);
    }

    /// <summary>The link's target when <paramref name="path"/> (a file or folder) is itself a link, else null.</summary>
    public static string? LinkTarget(string path)
    {
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        return IsLink(info) ? info.LinkTarget ?? "?" : null;
    }

    private static void Walk(DirectoryInfo folder, string relative, string fullRoot, List<string> files, List<(string, string)> links)
    {
        foreach (var entry in folder.EnumerateFileSystemInfos("*", OneLevel).OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var path = relative.Length == 0 ? entry.Name : $"{relative}/{entry.Name}";
            if (IsLink(entry))
            {
                links.Add((path, entry.LinkTarget ?? "?"));
            }
            else if (!Path.GetFullPath(entry.FullName).StartsWith(fullRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                // Cannot happen without a link; checked anyway, because reading outside would be the bug.
                links.Add((path, entry.FullName));
            }
            else if (entry is DirectoryInfo child)
            {
                Walk(child, path, fullRoot, files, links);
            }
            else
            {
                files.Add(path);
            }
        }
    }

    private static bool IsLink(FileSystemInfo info) =>
        info.LinkTarget is not null || (info.Exists && (info.Attributes & FileAttributes.ReparsePoint) != 0);
}
