namespace CxAsCode.State;

/// <summary>A file (or folder) under <c>state/&lt;env&gt;</c> that was deliberately not read, and why; the run prints each one.</summary>
/// <param name="File">Path relative to the repository root.</param>
/// <param name="Reason">Why it was not read.</param>
public sealed record SkippedFile(string File, string Reason)
{
    public override string ToString() => $"skipped {File}: {Reason}";
}
