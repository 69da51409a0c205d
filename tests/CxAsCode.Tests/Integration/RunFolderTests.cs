using System.Text.RegularExpressions;
using CxAsCode.Configuration;
using CxAsCode.Deployment;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Integration;

/// <summary>
/// What runs leave under <c>artifacts/&lt;env&gt;</c>: one <c>latest/</c> for runs that write nothing, a folder per
/// deploy and rollback, pruned; and which journal a Rollback without <c>--journal</c> picks.
/// </summary>
[TestFixture]
[NonParallelizable]
internal sealed partial class RunFolderTests : SandboxPipelineFixture
{
    [Test]
    public async Task DryRunTwiceThenDeploy_TwoFolders_LatestAndTheDeploysRun()
    {
        var (first, _) = await Driver.RunAsync("DryRun");
        var (second, _) = await Driver.RunAsync("DryRun");
        var (deploy, exit) = await Driver.RunAsync("Deploy");

        var folders = Directory.EnumerateDirectories(Repository.PathOf("artifacts/dev")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero, Driver.Output.ToString());
            Assert.That(first.RunFolder, Is.EqualTo(second.RunFolder).And.EqualTo(Repository.PathOf("artifacts/dev/latest")));
            Assert.That(folders, Is.EqualTo(new[] { deploy.RunId, "latest" }));
            Assert.That(Directory.EnumerateFiles(deploy.RunFolder).Select(Path.GetFileName), Is.EquivalentTo(new[] { "journal.jsonl", "report.json", "report.md" }));
            Assert.That((string?)JObject.Parse(File.ReadAllText(Repository.PathOf("artifacts/dev/latest/report.json")))["runId"], Is.EqualTo(second.RunId));
        }
    }

    [Test]
    public async Task Deploy_ManyOldRunFolders_PrunesToTheKeptCountButNeverAPendingJournal()
    {
        var pending = OldRun(0, otherOrg: true, JournalLines.PendingSkillCreate("Heat Pumps"));
        var settled = Enumerable.Range(1, 25).Select(day => OldRun(day, otherOrg: false)).ToList();

        var (deploy, exit) = await Driver.RunAsync("Deploy");

        var left = Directory.EnumerateDirectories(Repository.PathOf("artifacts/dev")).Where(d => RunIdName().IsMatch(Path.GetFileName(d))).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero, Driver.Output.ToString());
            Assert.That(Driver.Output.ToString(), Does.Contain("Pruned 6 old run folder(s) under artifacts/dev: each environment keeps its newest 20"));
            Assert.That(left, Has.Count.EqualTo(21), "19 old, the pending one, and this deploy's");
            Assert.That(left, Does.Contain(pending).And.Contain(deploy.RunFolder));
            Assert.That(settled.Take(6).Where(Directory.Exists), Is.Empty, "the oldest settled ones went");
        }
    }

    [Test]
    public async Task Rollback_NoJournalGiven_NamesTheNewestByRunStartNotByFileTime()
    {
        var (older, _) = await Driver.RunAsync("Deploy");
        await SandboxHost.SettleAsync();
        Repository.Write("state/dev/routing/skills/solar-thermal.json", "{\n  \"name\": \"Solar Thermal\"\n}\n");
        var (newer, _) = await Driver.RunAsync("Deploy");
        // A resumed rollback of the older journal would have touched it last.
        File.SetLastWriteTimeUtc(older.JournalPath, File.GetLastWriteTimeUtc(newer.JournalPath).AddHours(1));
        await Sandbox.ClearRequestsAsync();

        var (run, exit) = await Driver.RollbackAsync();

        var writes = await Sandbox.WritesAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero, Driver.Output.ToString());
            Assert.That(Driver.Output.ToString(), Does.Contain($"Rollback: from artifacts/dev/{newer.RunId}/journal.jsonl, the newest journal of dev (run {newer.RunId}, started "));
            Assert.That(run.RollbackJournalPath, Is.EqualTo(newer.JournalPath));
            Assert.That(writes.Select(w => (string?)w["method"]), Is.EqualTo(new[] { "DELETE" }), "only the newer deploy's one create is undone");
        }
    }

    [Test]
    public async Task Rollback_NoJournalGivenAfterANoChangeDeploy_RefusedUntilTheJournalIsNamed()
    {
        var (deploy, _) = await Driver.RunAsync("Deploy");
        await SandboxHost.SettleAsync();
        var (noChange, noChangeExit) = await Driver.RunAsync("Deploy");
        await Sandbox.ClearRequestsAsync();

        var (refused, refusedExit) = await Driver.RollbackAsync();
        var refusedWrites = await Sandbox.WritesAsync();
        var relative = $"artifacts/dev/{deploy.RunId}/journal.jsonl";
        var (_, namedExit) = await Driver.RollbackAsync(o => new() { Target = o.Target, Environment = o.Environment, RepositoryRoot = o.RepositoryRoot, JournalPath = relative });

        using (Assert.EnterMultipleScope())
        {
            Assert.That((noChangeExit, noChange.Deployment!.Status), Is.EqualTo((0, DeployStatus.NoChanges)));
            Assert.That(refusedExit, Is.EqualTo(1), Driver.Output.ToString());
            Assert.That(refused.Failure, Is.TypeOf<ConfigurationException>());
            Assert.That(refused.Failure!.Message, Does.StartWith($"{relative} (run {deploy.RunId}, started ").And.Contain($"is older than the latest deploy to dev (run {noChange.RunId}, started ").And.EndWith($"To roll it back anyway, pass --journal={relative}."));
            Assert.That(refusedWrites, Is.Empty);
            Assert.That(namedExit, Is.Zero, Driver.Output.ToString());
            Assert.That(await Sandbox.WritesAsync(), Is.Not.Empty, "with --journal it rolls back");
        }
    }

    private string OldRun(int day, bool otherOrg, params string[] entries)
    {
        var runId = $"202401{day + 1:00}T100000Z-{day:x6}";
        var header = CxAsCode.Deployment.JournalFile.Line(new JournalHeader
        {
            Environment = "dev",
            OrgId = otherOrg ? "00000000-0000-4000-8000-000000000000" : "11111111-0000-4000-8000-000000000000",
            ApiHost = "elsewhere",
            RunId = runId,
            StartedAt = $"2024-01-{day + 1:00}T10:00:00Z",
        });
        var folder = Repository.PathOf($"artifacts/dev/{runId}");
        JournalLines.Write(Path.Combine(folder, "journal.jsonl"), [header, .. entries]);
        return folder;
    }

    [GeneratedRegex("^[0-9]{8}T[0-9]{6}Z-[0-9a-f]{6}$")]
    private static partial Regex RunIdName();
}
