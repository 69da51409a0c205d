using YamlDotNet.RepresentationModel;

namespace CxAsCode.Flows;

/// <summary>
/// The names a flow refers to, found where Archy writes them: a literal <c>lit: name: …</c> under a key that
/// says what it is. Queues (<c>targetQueue</c>, <c>queue</c>), schedule groups (<c>scheduleGroup</c>,
/// <c>emergencyGroup</c>), skills (<c>skill</c>, <c>acdSkills</c>), languages (<c>languageSkill</c>) and other
/// flows (<c>targetFlow</c>). Expressions (<c>exp: …</c>) and variables are resolved at run time and are not
/// references state can check.
/// </summary>
internal static class FlowReferences
{
    private static readonly Dictionary<string, string> KindByKey = new(StringComparer.Ordinal)
    {
        ["targetQueue"] = "queues",
        ["queue"] = "queues",
        ["scheduleGroup"] = "schedulegroups",
        ["emergencyGroup"] = "emergencygroups",
        ["skill"] = "skills",
        ["acdSkills"] = "skills",
        ["languageSkill"] = "languages",
        ["targetFlow"] = "flows",
    };

    /// <summary>Kinds a flow names that no descriptor manages: mapped only (<c>references.emergencygroups</c>).</summary>
    public static readonly IReadOnlySet<string> MappedOnlyKinds = new HashSet<string>(StringComparer.Ordinal) { "emergencygroups" };

    public static void Collect(YamlNode node, List<string> path, List<FlowReference> found)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    var name = (key as YamlScalarNode)?.Value ?? string.Empty;
                    if (KindByKey.TryGetValue(name, out var kind))
                    {
                        foreach (var literal in Literals(value))
                        {
                            found.Add(new FlowReference(kind, literal.Value!, FlowPaths.Join([.. path, name]), literal.Start.Line, literal.Start.Column));
                        }
                    }

                    path.Add(FlowPaths.Segment(name, value));
                    Collect(value, path, found);
                    path.RemoveAt(path.Count - 1);
                }

                break;
            case YamlSequenceNode sequence:
                var index = 0;
                foreach (var item in sequence.Children)
                {
                    index++;
                    path.Add(FlowPaths.ItemSegment(item, index));
                    // "- transferToAcd: {…}" is named by its segment: walk what it holds.
                    Collect(item is YamlMappingNode { Children.Count: 1 } single && single.Children.Single().Value is YamlMappingNode inner ? inner : item, path, found);
                    path.RemoveAt(path.Count - 1);
                }

                break;
        }
    }

    /// <summary><c>lit: {name: X}</c> directly, or a list of them.</summary>
    private static IEnumerable<YamlScalarNode> Literals(YamlNode value) => value switch
    {
        YamlMappingNode mapping when mapping.Children.TryGetValue(new YamlScalarNode("lit"), out var lit)
            && lit is YamlMappingNode literal
            && literal.Children.TryGetValue(new YamlScalarNode("name"), out var name)
            && name is YamlScalarNode { Value.Length: > 0 } scalar => [scalar],
        YamlSequenceNode sequence => sequence.Children.SelectMany(Literals),
        _ => [],
    };
}
