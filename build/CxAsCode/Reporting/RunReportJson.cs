using CxAsCode.Deployment;
using CxAsCode.Json;
using CxAsCode.Planning;
using CxAsCode.Planning.Rendering;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Reporting;

/// <summary><c>report.json</c>: the run for machines, with the plan's summary (the plan itself is its own artifact).</summary>
internal static class RunReportJson
{
    public static string Render(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var document = new JObject
        {
            ["formatVersion"] = 1,
            ["environment"] = report.Environment,
            ["target"] = report.Target,
            ["runId"] = report.RunId,
            ["startedAt"] = report.StartedAt,
            ["finishedAt"] = report.FinishedAt,
            ["commit"] = report.Commit,
            ["exitCode"] = report.ExitCode,
            ["exitCodeMeaning"] = RunOutcome.ExitCodeMeaning(report.ExitCode),
            ["outcome"] = RunOutcome.Describe(report),
            ["plan"] = report.Plan is { } plan ? PlanSummary(plan) : null,
            ["deploy"] = report.DeployResult is { } deploy ? Deploy(deploy, report.JournalPath) : null,
            ["validationErrors"] = new JArray(report.ValidationErrors.Select(e => new JObject
            {
                ["file"] = e.File,
                ["jsonPath"] = e.JsonPath,
                ["message"] = e.Message,
            })),
            ["sync"] = report.SyncResult is { } sync ? new JObject
            {
                ["created"] = sync.Created,
                ["updated"] = sync.Updated,
                ["removed"] = sync.Removed,
                ["unchanged"] = sync.Unchanged,
                ["hasChanges"] = sync.HasChanges,
            } : null,
            ["error"] = report.Error,
            ["warnings"] = new JArray(report.Warnings),
        };
        return CanonicalJson.Serialize(document);
    }

    private static JObject PlanSummary(Plan plan) => new()
    {
        ["environment"] = plan.Environment,
        ["createdAt"] = plan.CreatedAt,
        ["commit"] = plan.Commit,
        ["hasChanges"] = plan.HasChanges,
        ["summary"] = PlanCounts.ToJson(plan),
        ["summaryText"] = plan.Summary,
    };

    private static JObject Deploy(DeployResult deploy, string journal) => new()
    {
        ["status"] = Camel(deploy.Status),
        ["applied"] = deploy.Applied,
        ["planned"] = deploy.Planned,
        ["failure"] = deploy.Failure,
        ["journalPath"] = deploy.JournalPath,
        ["rollback"] = deploy.Rollback is { } rollback ? new JObject
        {
            ["complete"] = rollback.IsComplete,
            ["compensations"] = new JArray(rollback.Compensations.Select(c => Compensation(c))),
            ["manualActions"] = new JArray(rollback.ManualActions.Select(c => Compensation(c, ManualActionAdvice.For(c, journal)))),
        } : null,
    };

    private static JObject Compensation(Compensation compensation, string? check = null) => new()
    {
        ["seq"] = compensation.Seq,
        ["kind"] = compensation.Kind,
        ["key"] = compensation.Key,
        ["undid"] = Camel(compensation.Undid),
        ["status"] = Camel(compensation.Status),
        ["detail"] = compensation.Detail,
        ["check"] = check,
    };

    // rolledBack, addMembers, changedSince: the casing the rest of the JSON uses.
    private static string Camel<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return string.Concat(name[..1].ToLowerInvariant(), name.AsSpan(1));
    }
}
