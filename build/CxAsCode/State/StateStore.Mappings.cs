using CxAsCode.Validation;

namespace CxAsCode.State;

/// <summary>Reading <c>mappings/&lt;env&gt;.json</c>.</summary>
internal sealed partial class StateStore
{
    /// <summary>
    /// Reads <c>mappings/&lt;env&gt;.json</c>. Every environment has one: a missing file, a link anywhere under
    /// <c>mappings/</c>, or content that does not fit the shape is a problem naming the file and JSON path.
    /// </summary>
    public (Mappings Mappings, IReadOnlyList<ValidationError> Problems) LoadMappings(string environment)
    {
        var file = MappingsPath(environment);
        var folder = Path.Combine(_root, "mappings");
        var path = Path.Combine(folder, Path.GetFileName(EnvironmentFolder(environment)) + ".json");
        if (SafeFolder.LinkTarget(folder) is { } target)
        {
            return (Mappings.Empty, [new("mappings", "$", LinkRefused(target, "mappings/"))]);
        }

        var links = Directory.Exists(folder) ? SafeFolder.List(folder).Links : [];
        if (links.Count > 0)
        {
            return (Mappings.Empty, [.. links.Select(link => new ValidationError($"mappings/{link.Path}", "$", LinkRefused(link.Target, "mappings/")))]);
        }

        if (!File.Exists(path))
        {
            return (Mappings.Empty, [new(file, "$", Directory.Exists(path)
                ? "is a folder; the mappings file must be a JSON file"
                : "the mappings file is missing; every environment needs one, even if it holds only {\"references\": {}, \"values\": {}}")]);
        }

        var (content, problems) = StateFileReader.Read(path);
        if (content is null)
        {
            return (Mappings.Empty, [.. problems.Select(p => new ValidationError(file, p.Path, p.Message))]);
        }

        var (mappings, shapeProblems) = MappingsReader.Parse(content);
        return (mappings, [.. shapeProblems.Select(p => new ValidationError(file, p.Path, p.Message))]);
    }
}
