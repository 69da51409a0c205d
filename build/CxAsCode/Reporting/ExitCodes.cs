namespace CxAsCode.Reporting;

/// <summary>The process exit codes every target keeps to (design.md §5): the table help, reports and the README show.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Error = 1;
    public const int ChangesFound = 2;
    public const int RolledBack = 3;
    public const int RollbackIncomplete = 4;

    public static IReadOnlyList<(int Code, string Meaning)> All { get; } =
    [
        (Success, "success, or no changes"),
        (Error, "error: bad input, a validation failure, a refusal or an API error before any write"),
        (ChangesFound, "DryRun found changes (with `--detailed-exitcode`)"),
        (RolledBack, "deploy failed and was rolled back cleanly"),
        (RollbackIncomplete, "rollback incomplete: manual action needed (listed in the report)"),
    ];

    /// <summary>The meaning of a code, without Markdown.</summary>
    public static string Meaning(int code) =>
        All.FirstOrDefault(c => c.Code == code).Meaning?.Replace("`", string.Empty, StringComparison.Ordinal) ?? "not an exit code this pipeline uses";
}
