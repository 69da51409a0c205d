using CxAsCode.Deployment;

namespace CxAsCode.Reporting;

/// <summary>A run's result in one sentence, and what each exit code means (design.md §5).</summary>
internal static class RunOutcome
{
    public static string ExitCodeMeaning(int exitCode) => ExitCodes.Meaning(exitCode);

    /// <summary>The outcome line, e.g. "Deploy failed and was rolled back cleanly: precondition failed for queues Billing".</summary>
    public static string Describe(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var deploy = report.DeployResult;
        var failure = deploy?.Failure is { } why ? $": {why}" : ".";
        return report.ExitCode switch
        {
            4 => $"Rollback incomplete: {deploy?.Rollback?.ManualActions.Count() ?? 0} write(s) need manual action{failure}",
            3 => $"Deploy failed and was rolled back cleanly{failure}",
            2 => $"Changes found: {report.Plan?.Summary ?? "see the plan"}.",
            1 => Failed(report),
            0 => Succeeded(report),
            _ => $"{report.Target} ended with exit code {report.ExitCode}.",
        };
    }

    private static string Failed(RunReport report) => (report.Error, report.ValidationErrors.Count) switch
    {
        ({ } error, _) => $"Failed: {error}",
        (null, > 0) => $"Failed: {report.ValidationErrors.Count} validation error(s) in state/{report.Environment}.",
        _ => $"{report.Target} failed.",
    };

    private static string Succeeded(RunReport report)
    {
        if (report.DeployResult is { Status: DeployStatus.Succeeded } deploy)
        {
            return $"Deployed {deploy.Applied} of {deploy.Planned} change(s) to {report.Environment}.";
        }

        if (report.DeployResult is { Status: DeployStatus.NoChanges } || report.Plan is { HasChanges: false })
        {
            return $"No changes. Live matches state/{report.Environment}.";
        }

        if (report.SyncResult is { } sync)
        {
            return $"Synced state/{report.Environment}: {sync}.";
        }

        return report.Plan is { } plan ? $"Plan: {plan.Summary}." : $"{report.Target} succeeded.";
    }
}
