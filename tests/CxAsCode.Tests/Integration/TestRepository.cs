namespace CxAsCode.Tests.Integration;

/// <summary>A throwaway copy of the repository's <c>state/</c> and <c>mappings/</c>, so tests can break it freely.</summary>
internal sealed class TestRepository : IDisposable
{
    public TestRepository()
    {
        Root = Path.Combine(Path.GetTempPath(), "cxascode-" + Guid.NewGuid().ToString("N")[..8]);
        CopyFolder(Path.Combine(RepositoryRoot, "state"), Path.Combine(Root, "state"));
        CopyFolder(Path.Combine(RepositoryRoot, "mappings"), Path.Combine(Root, "mappings"));
    }

    /// <summary>The real repository: the folder holding <c>.config/dotnet-tools.json</c> above the test binaries.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Write(string relative, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(relative))!);
        File.WriteAllText(PathOf(relative), text);
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, ".config", "dotnet-tools.json")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("No repository root (.config/dotnet-tools.json) above " + TestContext.CurrentContext.TestDirectory);
    }
}
