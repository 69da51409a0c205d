using CxAsCode.Configuration;
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

        // A finished run holds nothing: a refusal after Auth took the deploy lock lets it go here.
        ReleaseDeploy();
        if (PipelineTargets.Find(Options.Target) is { ReachesOrg: false })
        {
            // Tools (Sandbox, Test, Help), not pipeline runs: nothing to report on the org.
            Outcome = Failure is null ? $"{Options.Target} succeeded." : $"{Options.Target} failed: {Reason}";
            ShowFailure();
            return ExitCode;
        }

        if (_connection is null && Failure is null)
        {
            // No task body ran (Cake's --dryrun lists the tasks and runs none): there is nothing to report.
            return ExitCode;
        }

        var report = Report();
        // For a plain failure the reason itself is the outcome; "Failed: …" is how the report words it.
        Outcome = ExitCode == ExitCodes.Error && Failure is not null ? Reason : RunOutcome.Describe(report);
        ReportWriter.Write(RunFolder, report);
        if (Deployment is not null || Rollback is not null)
        {
            GitHub.AppendStepSummary(ReportWriter.RenderMarkdown(report));
        }

        ShowFailure();
        if (ExitCode is ExitCodes.Error or ExitCodes.RolledBack or ExitCodes.RollbackIncomplete)
        {
            GitHub.Error(Masker.Apply(Outcome));
        }

        Log($"Report: {Relative(RunFolder)}/report.md; {Requests} sent; exit code {ExitCode}.");
        return ExitCode;
    }

    private string Reason => Failure is null ? string.Empty : Masker.Apply(Unwrap(Failure).Message);

    /// <summary>Prints the failure's reason once, as one line.</summary>
    private void ShowFailure()
    {
        if (Failure is not null && !_failureShown)
        {
            _failureShown = true;
            Log("Error: " + Reason);
        }
    }

    private RunReport Report()
    {
        var deployment = Deployment ?? (Rollback is null ? null : new DeployResult(Rollback.IsComplete ? DeployStatus.RolledBack : DeployStatus.RollbackIncomplete) { Rollback = Rollback });
        if (deployment is not null)
        {
            // The report names the journal as a person types it: from the repository root.
            var journal = Deployment is not null ? deployment.JournalPath : RollbackJournal();
            deployment = deployment with { JournalPath = journal is null ? null : Relative(journal) };
        }

        return new RunReport
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
            Error = Failure is null ? null : Reason,
            Warnings = Warnings,
        };
    }

    /// <summary>The journal a Rollback run worked from: the one given, else the one it picked.</summary>
    private string? RollbackJournal() =>
        Options.JournalPath is { } given ? Path.GetFullPath(given, Options.RepositoryRoot) : RollbackJournalPath;
}
