using CxAsCode.Deployment;
using CxAsCode.Json;
using CxAsCode.Reporting;
using CxAsCode.State;
using CxAsCode.Tests.Planning.Rendering;
using CxAsCode.Validation;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Reporting;

public class ReportWriterTests
{
    private string _folder = null!;

    [SetUp]
    public void SetUp() => _folder = Path.Combine(Path.GetTempPath(), "cxascode-report-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void TearDown()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Test]
    public void Write_RolledBackDeploy_WritesBothFilesWithOutcome()
    {
        var report = Report(3) with
        {
            DeployResult = new DeployResult(DeployStatus.RolledBack)
            {
                Applied = 2,
                Planned = 4,
                Failure = "precondition failed: queues Billing changed since the plan",
                JournalPath = "artifacts/dev/run-7/journal.jsonl",
                Rollback = new RollbackResult(
                [
                    new Compensation(2, "queues", "Heat Pump Advice", WriteOperation.Create, WriteStatus.Compensated, "deleted"),
                    new Compensation(1, "skills", "Spanish", WriteOperation.Update, WriteStatus.Compensated, "pre-image restored"),
                ]),
            },
        };

        ReportWriter.Write(_folder, report.Build());
        var markdown = File.ReadAllText(Path.Combine(_folder, "report.md"));
        var json = (JObject)CanonicalJson.Parse(File.ReadAllText(Path.Combine(_folder, "report.json")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(markdown, Does.Contain("\n**Outcome:** Deploy failed and was rolled back cleanly: precondition failed: queues Billing changed since the plan\n"));
            Assert.That(markdown, Does.Contain("| exit code | 3: deploy failed and was rolled back cleanly |"));
            Assert.That(markdown, Does.Contain("| 2 | queues | Heat Pump Advice | Create | Compensated | deleted |\n| 1 | skills | Spanish | Update | Compensated | pre-image restored |"));
            Assert.That(markdown, Does.Not.Contain("Manual action needed"));
            Assert.That((string?)json["outcome"], Is.EqualTo("Deploy failed and was rolled back cleanly: precondition failed: queues Billing changed since the plan"));
            Assert.That((int?)json["exitCode"], Is.EqualTo(3));
            Assert.That((string?)json["deploy"]!["status"], Is.EqualTo("rolledBack"));
            Assert.That(json["deploy"]!["rollback"]!["compensations"]!.Select(c => (int?)c["seq"]), Is.EqualTo(new[] { 2, 1 }));
            Assert.That((bool?)json["deploy"]!["rollback"]!["complete"], Is.True);
            Assert.That((int?)json["plan"]!["summary"]!["create"], Is.EqualTo(1));
            Assert.That(json["plan"]!["entries"], Is.Null);
        }
    }

    [Test]
    public void Write_IncompleteRollback_ListsManualActionsWithWhatToCheck()
    {
        var report = Report(4) with
        {
            DeployResult = new DeployResult(DeployStatus.RollbackIncomplete)
            {
                Failure = "HTTP 500 on PUT queues Billing",
                JournalPath = "artifacts/dev/run-7/journal.jsonl",
                Rollback = new RollbackResult(
                [
                    new Compensation(3, "queues", "Billing", WriteOperation.Update, WriteStatus.ChangedSince, "version moved"),
                    new Compensation(2, "queues", "Sales", WriteOperation.Create, WriteStatus.CompensationFailed, "HTTP 503"),
                    new Compensation(1, "skills", "Spanish", WriteOperation.Update, WriteStatus.Compensated, "pre-image restored"),
                ]),
            },
        };

        ReportWriter.Write(_folder, report.Build());
        var markdown = File.ReadAllText(Path.Combine(_folder, "report.md"));
        var json = (JObject)CanonicalJson.Parse(File.ReadAllText(Path.Combine(_folder, "report.json")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(markdown, Does.Contain("\n**Outcome:** Rollback incomplete: 2 write(s) need manual action: HTTP 500 on PUT queues Billing\n"));
            Assert.That(markdown, Does.Contain("| exit code | 4: rollback incomplete: manual action needed (listed in the report) |"));
            Assert.That(markdown, Does.Contain("### Manual action needed"));
            Assert.That(markdown, Does.Contain("- **queues Billing** (write 3, Update, ChangedSince): Someone changed it after our write"));
            Assert.That(markdown, Does.Contain("retry with ./build.sh --target=Rollback --journal=artifacts/dev/run-7/journal.jsonl"));
            Assert.That(markdown.IndexOf("| 3 | queues | Billing", StringComparison.Ordinal), Is.LessThan(markdown.IndexOf("| 2 | queues | Sales", StringComparison.Ordinal)));
            Assert.That(json["deploy"]!["rollback"]!["manualActions"]!.Select(c => (string?)c["key"]), Is.EqualTo(new[] { "Billing", "Sales" }));
            Assert.That((string?)json["deploy"]!["rollback"]!["manualActions"]![0]!["check"], Does.StartWith("Someone changed it after our write"));
        }
    }

    [Test]
    public void RenderMarkdown_ManualActionAndNoJournalInTheResult_NamesTheRunsJournalFile()
    {
        var report = Report(4) with
        {
            DeployResult = new DeployResult(DeployStatus.RollbackIncomplete)
            {
                Rollback = new RollbackResult([new Compensation(1, "queues", "Sales", WriteOperation.Update, WriteStatus.CompensationFailed, "HTTP 503")]),
            },
        };

        var markdown = ReportWriter.RenderMarkdown(report.Build());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(markdown, Does.Contain("retry with ./build.sh --target=Rollback --journal=artifacts/dev/run-7/journal.jsonl."));
            Assert.That(markdown, Does.Contain("its pre-image is in artifacts/dev/run-7/journal.jsonl."));
            Assert.That(markdown, Does.Not.Contain("the run's journal"));
        }
    }

    [Test]
    public void RenderMarkdown_ValidationErrors_ListsFileJsonPathAndMessage()
    {
        var report = Report(1) with
        {
            Plan = null,
            ValidationErrors = [new ValidationError("state/dev/routing/queues/billing.json", "$.acwSettings.timeoutMs", "must be at least 0")],
        };

        var markdown = ReportWriter.RenderMarkdown(report.Build());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(markdown, Does.Contain("\n**Outcome:** Failed: 1 validation error(s) in state/dev.\n"));
            Assert.That(markdown, Does.Contain("### Validation errors\n\n- state/dev/routing/queues/billing.json \\$.acwSettings.timeoutMs: must be at least 0\n"));
        }
    }

    [Test]
    public void RenderMarkdown_NoChanges_SaysLiveMatchesState()
    {
        var report = Report(0) with { Plan = SamplePlans.NoChanges(), DeployResult = new DeployResult(DeployStatus.NoChanges) };

        var markdown = ReportWriter.RenderMarkdown(report.Build());

        Assert.That(markdown, Does.Contain("\n**Outcome:** No changes. Live matches state/dev.\n"));
    }

    [Test]
    public void RenderMarkdown_Sync_ShowsWhatChanged()
    {
        var report = Report(0) with { Target = "Sync", Plan = null, SyncResult = new SyncResult(1, 2, 0, 30) };

        var markdown = ReportWriter.RenderMarkdown(report.Build());

        Assert.That(markdown, Does.Contain("**Outcome:** Synced state/dev: 1 added, 2 updated, 0 removed, 30 unchanged."));
    }

    [Test]
    public void RenderMarkdown_HostileErrorAndWarning_StayOnTheirLines()
    {
        var report = Report(1) with { Error = "boom\n::set-output name=x::y", Warnings = ["w|<b>\r\n::error::z"] };

        var markdown = ReportWriter.RenderMarkdown(report.Build());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(markdown.Split('\n', '\r').Where(l => l.TrimStart().StartsWith("::", StringComparison.Ordinal)), Is.Empty);
            Assert.That(markdown, Does.Contain("**Outcome:** Failed: boom\\\\n::set-output name=x::y\n"));
            Assert.That(markdown, Does.Contain("- w\\|&lt;b&gt;\\\\r\\\\n::error::z\n"));
        }
    }

    private static ReportSpec Report(int exitCode) => new("Deploy", exitCode, SamplePlans.Mixed(), null, null, [], null, []);

    // A record to vary one part of a report per test with `with`.
    private sealed record ReportSpec(
        string Target,
        int ExitCode,
        CxAsCode.Planning.Plan? Plan,
        DeployResult? DeployResult,
        SyncResult? SyncResult,
        IReadOnlyList<ValidationError> ValidationErrors,
        string? Error,
        IReadOnlyList<string> Warnings)
    {
        public RunReport Build() => new()
        {
            Environment = "dev",
            Target = Target,
            RunId = "run-7",
            StartedAt = "2025-05-01T10:00:00Z",
            FinishedAt = "2025-05-01T10:02:00Z",
            Commit = "0123abc",
            ExitCode = ExitCode,
            Plan = Plan,
            DeployResult = DeployResult,
            SyncResult = SyncResult,
            ValidationErrors = ValidationErrors,
            Error = Error,
            Warnings = Warnings,
        };
    }
}
