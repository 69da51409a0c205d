using CxAsCode.Json;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.TestData;

/// <summary>
/// A throwaway repository root under the temp folder holding <c>state/</c> and <c>mappings/</c>: empty, or a
/// copy of the real <c>state/dev</c> and <c>mappings/dev.json</c> for tests that break the sample on purpose.
/// </summary>
internal sealed class StateFolder : IDisposable
{
    private StateFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "cxascode-state-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    /// <summary>The real repository: the folder holding <c>.config/dotnet-tools.json</c> above the test binaries.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public string Root { get; }

    /// <summary>An empty repository root.</summary>
    public static StateFolder Empty() => new();

    /// <summary>A repository root holding a copy of the sample <c>state/dev</c> and <c>mappings/dev.json</c>.</summary>
    public static StateFolder WithSampleDev()
    {
        var folder = new StateFolder();
        var from = Path.Combine(RepositoryRoot, "state", "dev");
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder.Root, "state", "dev", Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        Directory.CreateDirectory(Path.Combine(folder.Root, "mappings"));
        File.Copy(Path.Combine(RepositoryRoot, "mappings", "dev.json"), Path.Combine(folder.Root, "mappings", "dev.json"));
        return folder;
    }

    /// <summary>Full path of a file given relative to the repository root.</summary>
    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Write(string relative, string text)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Writes indented JSON as it is (nulls and key order kept), so tests can plant what canonical form would hide.</summary>
    public void WriteJson(string relative, JObject content) => Write(relative, content.ToString(Formatting.Indented) + "\n");

    public JObject ReadJson(string relative) => (JObject)CanonicalJson.Parse(File.ReadAllText(PathOf(relative)));

    /// <summary>Reads a JSON file, lets <paramref name="edit"/> change it, and writes it back.</summary>
    public void Edit(string relative, Action<JObject> edit)
    {
        var content = ReadJson(relative);
        edit(content);
        WriteJson(relative, content);
    }

    public void Move(string from, string to) => File.Move(PathOf(from), PathOf(to));

    public void Delete(string relative) => File.Delete(PathOf(relative));

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
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
