using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CxAsCode.Sandbox.Kinds.Flows;

/// <summary>
/// What an Archy-like import check reads from a flow's YAML (genesys-api.md §9): the top-level key is the flow
/// type in camelCase (<c>inboundCall</c>, <c>inqueueCall</c>, <c>workflow</c>…; upper-cased it is the Flow.type
/// enum), holding <c>name</c>, <c>description</c>, <c>division</c>; queues are referenced by name
/// (<c>targetQueue</c>/<c>queue</c> → <c>lit</c> → <c>name</c>). Anything it cannot read is a job failure message.
/// </summary>
internal sealed record FlowYaml(string Type, string Name, string? Description, string? Division, IReadOnlyList<string> Queues)
{
    public static FlowYaml Read(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new FlowImportException($"The flow's YAML is not valid at line {e.Start.Line}, column {e.Start.Column}: {e.Message}");
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root || root.Children.Count != 1)
        {
            throw new FlowImportException("The flow's YAML must be one mapping with a single top-level key: the flow type (e.g. inboundCall).");
        }

        var (key, value) = root.Children.Single();
        var archyType = (key as YamlScalarNode)?.Value ?? string.Empty;
        if (FlowTypes.FromArchyKey(archyType) is not { } type)
        {
            throw new FlowImportException($"'{archyType}' is not a flow type Architect knows (e.g. inboundCall, inqueueCall, workflow).");
        }

        if (value is not YamlMappingNode flow || Scalar(flow, "name") is not { Length: > 0 } name)
        {
            throw new FlowImportException($"The {archyType} flow has no name.");
        }

        var queues = new List<string>();
        CollectQueues(flow, queues);
        return new FlowYaml(type, name, Scalar(flow, "description"), Scalar(flow, "division"), queues);
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;

    private static void CollectQueues(YamlNode node, List<string> queues)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    if ((key as YamlScalarNode)?.Value is "targetQueue" or "queue"
                        && value is YamlMappingNode target
                        && target.Children.TryGetValue(new YamlScalarNode("lit"), out var lit)
                        && lit is YamlMappingNode literal
                        && Scalar(literal, "name") is { Length: > 0 } queue)
                    {
                        queues.Add(queue);
                    }

                    CollectQueues(value, queues);
                }

                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                {
                    CollectQueues(item, queues);
                }

                break;
        }
    }
}

/// <summary>An import the Architect job refuses; its message becomes the job's ArchitectJobMessage.</summary>
internal sealed class FlowImportException : Exception
{
    public FlowImportException()
    {
    }

    public FlowImportException(string message)
        : base(message)
    {
    }

    public FlowImportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
