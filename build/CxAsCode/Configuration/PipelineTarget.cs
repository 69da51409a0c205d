namespace CxAsCode.Configuration;

/// <summary>One task of the build graph, as <c>--help</c>, <c>--description</c> and the README show it.</summary>
/// <param name="Name">The task's name, as <c>--target=</c> takes it.</param>
/// <param name="Description">One line; may hold Markdown code spans (backticks).</param>
/// <param name="DependsOn">The task that runs first, if any.</param>
/// <param name="ReachesOrg">Whether it talks to a Genesys Cloud org (a run report is written), or is a tool (Sandbox, Test, Help).</param>
public sealed record PipelineTarget(string Name, string Description, string? DependsOn, bool ReachesOrg);
