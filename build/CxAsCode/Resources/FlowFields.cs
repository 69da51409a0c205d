namespace CxAsCode.Resources;

/// <summary>The fields a flow's object carries besides the API's metadata.</summary>
public static class FlowFields
{
    /// <summary>The flow's Archy YAML in canonical form (<see cref="CxAsCode.Flows.FlowDocument.ToYaml"/>): what plans compare.</summary>
    public const string Yaml = "yaml";

    /// <summary>The live flow's YAML exactly as its export job returned it: what a rollback publishes again.</summary>
    public const string Content = "content";
}
