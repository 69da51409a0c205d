using CxAsCode.Deployment;
using CxAsCode.Planning;
using CxAsCode.State;
using CxAsCode.Validation;

namespace CxAsCode.Reporting;

/// <summary>What one pipeline run did: the input of <see cref="ReportWriter"/> and of the step summary.</summary>
public sealed class RunReport
{
    /// <summary>The environment the run targeted (<c>dev</c>, <c>test</c>, <c>prod</c>).</summary>
    public required string Environment { get; init; }

    /// <summary>The Cake target that was run (<c>DryRun</c>, <c>Deploy</c>, <c>Sync</c>…).</summary>
    public required string Target { get; init; }

    /// <summary>The run's id, which also names its artifacts folder.</summary>
    public required string RunId { get; init; }

    /// <summary>When the run started (ISO-8601, UTC).</summary>
    public required string StartedAt { get; init; }

    /// <summary>When the run finished (ISO-8601, UTC).</summary>
    public required string FinishedAt { get; init; }

    /// <summary>The git commit of the state the run used, when known.</summary>
    public string? Commit { get; init; }

    /// <summary>The process exit code: 0 success or no changes, 1 error, 2 changes found, 3 rolled back, 4 rollback incomplete.</summary>
    public int ExitCode { get; init; }

    /// <summary>The plan, when the run made or loaded one; the report keeps only its summary.</summary>
    public Plan? Plan { get; init; }

    /// <summary>What the deploy did, when the run deployed.</summary>
    public DeployResult? DeployResult { get; init; }

    /// <summary>Problems found in desired state.</summary>
    public IReadOnlyList<ValidationError> ValidationErrors { get; init; } = [];

    /// <summary>What Sync changed, when the run synced.</summary>
    public SyncResult? SyncResult { get; init; }

    /// <summary>Why the run failed, when it did.</summary>
    public string? Error { get; init; }

    /// <summary>
    /// The journal of the deploy or rollback, from the repository root: the one the deploy result names, else
    /// where a deploy of this run keeps it.
    /// </summary>
    public string JournalPath => DeployResult?.JournalPath ?? $"artifacts/{Environment}/{RunId}/journal.jsonl";

    /// <summary>Things worth a look that did not fail the run.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
