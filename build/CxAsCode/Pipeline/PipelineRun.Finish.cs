using CxAsCode.Deployment;
using CxAsCode.Reporting;

namespace CxAsCode.Pipeline;

/// <summary>The end of every run: record the failure, write the report, say how it ended.</summary>
public sealed partial class PipelineRun
{
    /// <summary>Cake wraps a task's exception; the cause is what a person needs to read.</summary>
    private static Exception Unwrap(Exception failure) => failure switch
    {
        AggregateException { InnerExceptions.Count: 1 } aggregate => Unwrap(aggregate.InnerExceptions[0]),
        System.Reflection.TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        _ => failure,
    };

    /// <summary>Records a task's failure (the first one wins: it is the cause).</summary>
    public void RecordFailure(Exception failure) => Failure ??= failure;

    /// <summary>Called from the script's Teardown: records any failure, writes <c>report.json</c>/<c>report.md</c>, returns the exit code.</summary>
    public int Finish(Exception? failure)
    {
        if (failure is not null)
        {
            RecordFailure(failure);
        }

        if (Options.Target is "Test" or "Sandbox")
        {
            return ExitCode; // tools, not pipeline runs: nothing to report on the org
        }

        var deployment = Deployment ?? (Rollback is null ? null : new DeployResult(Rollback.IsComplete ? DeployStatus.RolledBack : DeployStatus.RollbackIncomplete) { Rollback = Rollback });
        var report = new RunReport
        {
            Environment = Options.Environment,
            Target = Options.Target,
            RunId = RunId,
            StartedAt = StartedAt,
            FinishedAt = Time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            Commit = Commit,
            ExitCode = ExitCode,
            Plan = Plan,
            DeployResult = deployment,
            ValidationErrors = ValidationErrors,
            SyncResult = Sync,
            Error = Failure is null ? null : Masker.Apply(Unwrap(Failure).Message),
            Warnings = Warnings,
        };
        ReportWriter.Write(RunFolder, report);
        if (Deployment is not null || Rollback is not null)
        {
            GitHub.AppendStepSummary(ReportWriter.RenderMarkdown(report));
        }

        if (Failure is not null)
        {
            Log("Error: " + Unwrap(Failure).Message);
            GitHub.Error(Masker.Apply(Unwrap(Failure).Message));
        }

        Log($"Report: {Path.GetRelativePath(Options.RepositoryRoot, RunFolder).Replace('\\', '/')}/report.md; {Requests} sent; exit code {ExitCode}.");
        return ExitCode;
    }
}
