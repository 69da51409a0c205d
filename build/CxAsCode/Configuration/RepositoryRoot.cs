namespace CxAsCode.Configuration;

/// <summary>The repository root: the folder holding <c>.config/dotnet-tools.json</c>, found upwards from where Cake runs.</summary>
public static class RepositoryRoot
{
    /// <exception cref="ConfigurationException">No such folder above <paramref name="start"/>.</exception>
    public static string Find(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, ".config", "dotnet-tools.json")))
            {
                return folder.FullName;
            }
        }

        throw new ConfigurationException($"No repository above {start} (a folder holding .config/dotnet-tools.json): run ./build.sh from the repository.");
    }
}
