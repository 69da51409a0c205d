using CxAsCode.Configuration;
using CxAsCode.Resources;

namespace CxAsCode.State;

/// <summary>
/// What promoting desired state from one environment to another changes in the target folder, worked out
/// before anything is written: because state holds references by name (never ids), the files copy as they
/// are, and only <c>mappings/&lt;env&gt;.json</c> differs per environment.
/// </summary>
internal static class Promotion
{
    /// <summary>The objects to copy: all of the source, or those <c>--only</c> names (<c>kind/name</c>).</summary>
    /// <exception cref="ConfigurationException">An <c>--only</c> value names no kind or no object of the source.</exception>
    public static IReadOnlyList<ResourceObject> Select(DesiredState source, IReadOnlyList<string> only)
    {
        if (only.Count == 0)
        {
            return source.Objects;
        }

        var selected = new List<ResourceObject>();
        foreach (var value in only)
        {
            var slash = value.IndexOf('/', StringComparison.Ordinal);
            var kindName = slash < 0 ? value : value[..slash];
            var kind = ResourceKinds.Managed.FirstOrDefault(k => string.Equals(k.Name, kindName, StringComparison.OrdinalIgnoreCase))
                ?? throw new ConfigurationException($"--only={value}: '{kindName}' is not a kind; use <kind>/<name> with a kind of: {string.Join(", ", ResourceKinds.Managed.Select(k => k.Name))}.");
            var name = slash < 0 ? string.Empty : value[(slash + 1)..];
            var item = source.Of(kind).FirstOrDefault(o => NameComparer.Instance.Equals(o.Key, name))
                ?? throw new ConfigurationException($"--only={value}: {source.EnvironmentPath} has no {kind} named '{name}'.");
            if (!selected.Contains(item))
            {
                selected.Add(item);
            }
        }

        return selected;
    }

    /// <summary>
    /// The target's objects after the promotion: the promoted objects replace those with the same kind and
    /// name (and, when everything is promoted, objects the source does not have are gone).
    /// </summary>
    public static IReadOnlyList<ResourceObject> Merge(IReadOnlyList<ResourceObject> promoted, DesiredState target, bool everything)
    {
        var replaced = promoted.Select(o => (o.Kind.Name, o.Key.ToUpperInvariant())).ToHashSet();
        var kept = everything ? [] : target.Objects.Where(o => !replaced.Contains((o.Kind.Name, o.Key.ToUpperInvariant())));
        return [.. kept, .. promoted];
    }

    /// <summary>The files that change in the target folder, paths relative to it, in order.</summary>
    /// <param name="promoted">The objects copied (their <see cref="ResourceObject.SourceFile"/> relative to the source folder).</param>
    /// <param name="target">The target environment's current state.</param>
    /// <param name="everything">True when nothing was singled out with --only: target files of objects the source lacks are removed.</param>
    /// <param name="sameBytes">Whether a relative path holds the same bytes in both folders.</param>
    /// <param name="inSource">Whether a relative path is a file in the source folder.</param>
    /// <param name="inTarget">Whether a relative path is a file in the target folder.</param>
    public static IReadOnlyList<PromotionChange> Changes(IReadOnlyList<ResourceObject> promoted, DesiredState target, bool everything, Func<string, bool> sameBytes, Func<string, bool> inSource, Func<string, bool> inTarget)
    {
        var changes = new List<PromotionChange>();
        foreach (var file in promoted.SelectMany(o => FilesOf(o, inSource)).Distinct(StringComparer.Ordinal))
        {
            if (!inTarget(file))
            {
                changes.Add(new(file, PromotionChangeKind.Added));
            }
            else if (!sameBytes(file))
            {
                changes.Add(new(file, PromotionChangeKind.Updated));
            }
        }

        // The same object under another file name (a rename of the file only) is removed as well, and so is a
        // flow's flow.json the source flow does without.
        var copied = promoted.SelectMany(o => FilesOf(o, inSource)).ToHashSet(StringComparer.Ordinal);
        var replaced = promoted.Select(o => (o.Kind.Name, o.Key.ToUpperInvariant())).ToHashSet();
        foreach (var stale in target.Objects.Where(o => everything || replaced.Contains((o.Kind.Name, o.Key.ToUpperInvariant()))).SelectMany(o => FilesOf(o, inTarget)).Where(f => !copied.Contains(f)))
        {
            changes.Add(new(stale, PromotionChangeKind.Removed));
        }

        return [.. changes.OrderBy(c => c.File, StringComparer.Ordinal)];
    }

    /// <summary>An object's files: its state file; for a flow, its flow.yaml and the flow.json beside it when there is one.</summary>
    private static IEnumerable<string> FilesOf(ResourceObject item, Func<string, bool> exists)
    {
        yield return item.SourceFile!;
        if (item.Kind.IsFlow && item.SourceFile!.EndsWith("/flow.yaml", StringComparison.Ordinal) && item.SourceFile[..^"flow.yaml".Length] + "flow.json" is var metadata && exists(metadata))
        {
            yield return metadata;
        }
    }

    /// <summary>
    /// The flows' files of the target once the promotion is done, for Validate's flow checks: the target's
    /// flows kept, and the promoted ones as the source has them, named by the path they will have in the target.
    /// </summary>
    public static IReadOnlyList<Flows.FlowFiles> MergeFlows(DesiredState source, IReadOnlyList<ResourceObject> promoted, DesiredState target, bool everything)
    {
        var files = promoted.Where(o => o.Kind.IsFlow).Select(o => $"{source.EnvironmentPath}/{o.SourceFile}").ToHashSet(StringComparer.Ordinal);
        var incoming = source.Flows.Where(f => files.Contains(f.YamlFile)).Select(f => f with
        {
            YamlFile = target.EnvironmentPath + f.YamlFile[source.EnvironmentPath.Length..],
            MetadataFile = target.EnvironmentPath + f.MetadataFile[source.EnvironmentPath.Length..],
        }).ToList();
        var replaced = promoted.Where(o => o.Kind.IsFlow).Select(o => o.Key).ToHashSet(NameComparer.Instance);
        var keyOf = target.Objects.Where(o => o.Kind.IsFlow).ToDictionary(o => $"{target.EnvironmentPath}/{o.SourceFile}", o => o.Key, StringComparer.Ordinal);
        var kept = everything ? [] : target.Flows.Where(f => !(keyOf.TryGetValue(f.YamlFile, out var key) && replaced.Contains(key)));
        return [.. kept, .. incoming];
    }
}

/// <summary>One file Promote changes in the target folder.</summary>
internal sealed record PromotionChange(string File, PromotionChangeKind Kind)
{
    public override string ToString() => $"{Kind switch { PromotionChangeKind.Added => "+", PromotionChangeKind.Updated => "~", _ => "-" }} {File}";
}

/// <summary>How Promote changes a file.</summary>
internal enum PromotionChangeKind
{
    Added,
    Updated,
    Removed,
}
