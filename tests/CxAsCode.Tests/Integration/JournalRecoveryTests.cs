using CxAsCode.Deployment;
using CxAsCode.Json;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Tests.Integration;

/// <summary>A journal damaged by a killed process: its torn last line is tolerated and settled; other damage stops the run by name.</summary>
[TestFixture]
[NonParallelizable]
internal sealed class JournalRecoveryTests : SandboxPipelineFixture
{
    private const string Crashed = "artifacts/dev/20250501T100000Z-c0ffee/journal.jsonl";

    [Test]
    public async Task Deploy_EarlierJournalTornMidOutcome_WarnsCutsTheFragmentSettlesAndDeploys()
    {
        // The earlier deploy's create reached the org; the process died while journaling its outcome.
        await CreateSkillOutOfBandAsync("Heat Pumps");
        await WriteCrashedJournalAsync(tornTail: """{"seq":1,"phase":"outcome","kind":"skil""");

        var (run, exit) = await Driver.RunAsync("Deploy");

        var settled = JournalFile.Read(Repository.PathOf(Crashed));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero, Driver.Output.ToString());
            Assert.That(Driver.Output.ToString(), Does.Contain($"Warning: {Crashed} line 3 was cut off while it was being written (the process stopped): removed that 39-byte fragment before appending"));
            Assert.That(settled.TornLine, Is.Null, "no entry was appended behind the fragment");
            Assert.That(settled.Entries.Select(e => (e.Phase, e.Status)), Is.EqualTo(new[] { (JournalPhase.Intent, (WriteStatus?)null), (JournalPhase.Outcome, WriteStatus.Applied) }));
            Assert.That(run.Deployment!.Status, Is.EqualTo(DeployStatus.Succeeded));
        }
    }

    [Test]
    public async Task Rollback_JournalTornMidOutcome_SettlesByReadingThenUndoes()
    {
        var before = await Sandbox.ComparableStateAsync();
        await CreateSkillOutOfBandAsync("Heat Pumps");
        await WriteCrashedJournalAsync(tornTail: """{"seq":1,"phase":"outc""");
        await Sandbox.ClearRequestsAsync();

        var (_, exit) = await Driver.RollbackAsync(o => new() { Target = o.Target, Environment = o.Environment, RepositoryRoot = o.RepositoryRoot, JournalPath = Crashed });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero, Driver.Output.ToString());
            Assert.That(Driver.Output.ToString(), Does.Contain($"{Crashed} line 3 was cut off"));
            Assert.That((await Sandbox.WritesAsync()).Select(w => (string?)w["method"]), Is.EqualTo(new[] { "DELETE" }));
            Assert.That(JournalFile.Read(Repository.PathOf(Crashed)).Entries.Select(e => e.Phase), Is.EqualTo(new[] { JournalPhase.Intent, JournalPhase.Outcome, JournalPhase.Compensation }));
            Assert.That(await Sandbox.ComparableStateAsync(), Is.EqualTo(before).Using<JToken>(JToken.DeepEquals));
        }
    }

    [Test]
    public async Task Rollback_JournalDamagedInTheMiddle_ExitsOneNamingFileAndLineWithZeroWrites()
    {
        JournalLines.Write(Repository.PathOf(Crashed), await JournalLines.HeaderAsync(Driver), "{\"seq\":1,\"phase\":", JournalLines.PendingSkillCreate("Heat Pumps", seq: 2));
        await Sandbox.ClearRequestsAsync();

        var (run, exit) = await Driver.RollbackAsync(o => new() { Target = o.Target, Environment = o.Environment, RepositoryRoot = o.RepositoryRoot, JournalPath = Crashed });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(run.Failure!.Message, Does.StartWith($"{Crashed} line 2: not a journal line"));
            Assert.That(await Sandbox.WritesAsync(), Is.Empty);
        }
    }

    [Test]
    public async Task Deploy_AnOldJournalDamaged_ExitsOneNamingFileAndLineWithZeroWrites()
    {
        JournalLines.Write(Repository.PathOf(Crashed), await JournalLines.HeaderAsync(Driver), "not json", JournalLines.PendingSkillCreate("Heat Pumps"));
        await Sandbox.ClearRequestsAsync();

        var (run, exit) = await Driver.RunAsync("Deploy");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(1), Driver.Output.ToString());
            Assert.That(run.Failure!.Message, Does.StartWith($"{Crashed} line 2: not a journal line"));
            Assert.That(await Sandbox.WritesAsync(), Is.Empty);
        }
    }

    [Test]
    public async Task Deploy_PendingWriteInAnotherOrgsJournal_LeftAloneWithAWarning()
    {
        var foreign = JournalFile.Line(new JournalHeader { Environment = "dev", OrgId = "00000000-0000-4000-8000-000000000000", ApiHost = "elsewhere", RunId = "r", StartedAt = "2025-05-01T10:00:00Z" });
        var path = JournalLines.Write(Repository.PathOf(Crashed), foreign, JournalLines.PendingSkillCreate("Heat Pumps"));
        var text = File.ReadAllText(path);

        var (_, exit) = await Driver.RunAsync("Deploy");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero, Driver.Output.ToString());
            Assert.That(Driver.Output.ToString(), Does.Contain($"Warning: {Crashed} records dev (org 00000000-0000-4000-8000-000000000000, at elsewhere), not this run's dev (org ").And.Contain("its 1 pending write(s) are left for a run against that org."));
            Assert.That(File.ReadAllText(path), Is.EqualTo(text), "another org's journal is not written to");
        }
    }

    private async Task WriteCrashedJournalAsync(string tornTail)
    {
        var path = JournalLines.Write(Repository.PathOf(Crashed), await JournalLines.HeaderAsync(Driver), JournalLines.PendingSkillCreate("Heat Pumps"));
        File.AppendAllText(path, tornTail);
    }

    private async Task CreateSkillOutOfBandAsync(string name)
    {
        using var http = new HttpClient { BaseAddress = Sandbox.BaseAddress };
        using var content = new StringContent(CanonicalJson.Compact(new JObject { ["kind"] = "skills", ["create"] = new JObject { ["name"] = name } }), System.Text.Encoding.UTF8, "application/json");
        (await http.PostAsync(new Uri("/sandbox/edit", UriKind.Relative), content)).EnsureSuccessStatusCode();
    }
}
