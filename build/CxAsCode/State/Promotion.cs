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
    public static IReadOnlyList<PromotionChange> Changes(IReadOnlyList<ResourceObject> promoted, DesiredState target, bool everything, Func<string, bool> sameBytes)
    {
        var changes = new List<PromotionChange>();
        var existing = target.Objects.Select(o => o.SourceFile!).ToHashSet(StringComparer.Ordinal);
        foreach (var file in promoted.Select(o => o.SourceFile!).Distinct(StringComparer.Ordinal))
        {
            if (!existing.Contains(file))
            {
                changes.Add(new(file, PromotionChangeKind.Added));
            }
            else if (!sameBytes(file))
            {
                changes.Add(new(file, PromotionChangeKind.Updated));
            }
        }

        // The same object under another file name (a rename of the file only) is removed as well.
        var copied = promoted.Select(o => o.SourceFile!).ToHashSet(StringComparer.Ordinal);
        var replaced = promoted.Select(o => (o.Kind.Name, o.Key.ToUpperInvariant())).ToHashSet();
        foreach (var stale in target.Objects.Where(o => !copied.Contains(o.SourceFile!) && (everything || replaced.Contains((o.Kind.Name, o.Key.ToUpperInvariant())))))
        {
            changes.Add(new(stale.SourceFile!, PromotionChangeKind.Removed));
        }

        return [.. changes.OrderBy(c => c.File, StringComparer.Ordinal)];
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
