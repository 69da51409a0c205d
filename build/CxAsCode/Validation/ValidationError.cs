namespace CxAsCode.Validation;

/// <summary>One problem in desired state, located by file and JSON path so it can be fixed without guessing.</summary>
/// <param name="File">Path relative to the repository root (<c>state/dev/routing/queues/billing.json</c>).</param>
/// <param name="JsonPath">Where in the file (<c>$.bullseye.rings[0].actions.skillsToRemove[1]</c>).</param>
/// <param name="Message">What is wrong, in words a person can act on.</param>
public sealed record ValidationError(string File, string JsonPath, string Message)
{
    public override string ToString() => $"{File} {JsonPath}: {Message}";
}
