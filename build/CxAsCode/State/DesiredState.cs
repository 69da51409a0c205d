using CxAsCode.Resources;
using CxAsCode.Validation;

namespace CxAsCode.State;

/// <summary>
/// Desired state as read from <c>state/&lt;env&gt;</c>: each object in state form (its file's content),
/// plus the problems found while reading (malformed files, unknown folders, links) for Validate to report,
/// and the files it skipped on purpose.
/// </summary>
public sealed class DesiredState
{
    public DesiredState(string environmentPath, string mappingsPath, IReadOnlyList<ResourceObject> objects, IReadOnlyList<ValidationError> problems)
    {
        EnvironmentPath = environmentPath;
        MappingsPath = mappingsPath;
        Objects = objects;
        Problems = problems;
    }

    /// <summary>The environment folder relative to the repository root (<c>state/dev</c>).</summary>
    public string EnvironmentPath { get; }

    /// <summary>The mappings file relative to the repository root (<c>mappings/dev.json</c>).</summary>
    public string MappingsPath { get; }

    public IReadOnlyList<ResourceObject> Objects { get; }

    public IReadOnlyList<ValidationError> Problems { get; }

    /// <summary>Files that were deliberately not read (dot-files, notes outside the kind folders), for the run to list as warnings.</summary>
    public IReadOnlyList<SkippedFile> Skipped { get; init; } = [];

    /// <summary>The flows' files as read (their objects are in <see cref="Objects"/> too), for the flow checks.</summary>
    public IReadOnlyList<Flows.FlowFiles> Flows { get; init; } = [];

    public IEnumerable<ResourceObject> Of(ResourceKind kind) => Objects.Where(o => o.Kind == kind);

    /// <summary>The file an object came from, relative to the repository root.</summary>
    public string PathOf(ResourceObject item) => $"{EnvironmentPath}/{item.SourceFile}";
}
