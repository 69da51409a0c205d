namespace CxAsCode.Configuration;

/// <summary>One row of the environment variables table: the names that go together and what they do.</summary>
/// <param name="Names">One variable, or a set that is given together.</param>
/// <param name="Help">One line; may hold Markdown code spans (backticks).</param>
public sealed record EnvironmentVariable(IReadOnlyList<string> Names, string Help);
