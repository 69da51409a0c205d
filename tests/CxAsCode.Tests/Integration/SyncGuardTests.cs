using System.Diagnostics;
using CxAsCode.Configuration;
using CxAsCode.Pipeline;

namespace CxAsCode.Tests.Integration;

/// <summary>Sync never overwrites uncommitted work in <c>state/&lt;env&gt;</c> unless told to with <c>--force</c>.</summary>
[TestFixture]
[NonParallelizable]
internal sealed class SyncGuardTests : SandboxPipelineFixture
{
    private const string Edited = "state/dev/routing/queues/outage-line.json";
    private const string LocalWork = "{\n  \"name\": \"Outage Line\",\n  \"division\": \"Residential\",\n  \"description\": \"local work in progress\"\n}\n";

    [Test]
    public async Task Sync_UncommittedChangeInState_RefusedNamingItBeforeAnyRequest()
    {
        CommitEverything();
        Repository.Write(Edited, LocalWork);
        await Sandbox.ClearRequestsAsync();

        var (run, exit) = await SyncAsync(force: false);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(run.Failure, Is.TypeOf<ConfigurationException>());
            Assert.That(run.Failure!.Message, Is.EqualTo($"state/dev has 1 uncommitted change(s) (M {Edited}) that Sync would overwrite. Commit or stash them first, or pass --force to overwrite them."));
            Assert.That(File.ReadAllText(Repository.PathOf(Edited)), Is.EqualTo(LocalWork));
            Assert.That(await Sandbox.RequestsAsync(), Is.Empty, "refused before Auth's first request");
        }
    }

    [Test]
    public async Task Sync_UntrackedFileInState_Refused()
    {
        CommitEverything();
        Repository.Write("state/dev/routing/skills/new-skill.json", "{\n  \"name\": \"New Skill\"\n}\n");

        var (run, exit) = await SyncAsync(force: false);

        Assert.That((exit, run.Failure?.Message), Is.EqualTo((1, "state/dev has 1 uncommitted change(s) (?? state/dev/routing/skills/new-skill.json) that Sync would overwrite. Commit or stash them first, or pass --force to overwrite them.")));
    }

    [Test]
    public async Task Sync_UncommittedChangeWithForce_OverwritesWithAWarning()
    {
        CommitEverything();
        Repository.Write(Edited, LocalWork);

        var (run, exit) = await SyncAsync(force: true);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.Zero, Driver.Output.ToString());
            Assert.That(File.ReadAllText(Repository.PathOf(Edited)), Does.Not.Contain("local work in progress"));
            Assert.That(run.Warnings, Has.One.StartsWith("state/dev has 1 uncommitted change(s)").And.EndsWith("; --force given, so they are overwritten."));
        }
    }

    [Test]
    public async Task Sync_CleanWorkTree_SyncsWithoutForce()
    {
        CommitEverything();

        var (run, exit) = await SyncAsync(force: false);

        Assert.That((exit, run.Sync!.HasChanges), Is.EqualTo((0, true)), Driver.Output.ToString());
    }

    [Test]
    public async Task Sync_OutsideAGitWorkTree_RefusedSayingSoAndForceProceeds()
    {
        var (refused, refusedExit) = await SyncAsync(force: false);
        var (forced, forcedExit) = await SyncAsync(force: true);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refusedExit, Is.EqualTo(1));
            Assert.That(refused.Failure!.Message, Is.EqualTo($"{Repository.Root} is not a git work tree, so Sync cannot tell whether state/dev holds work it would overwrite. Sync in a git clone of the repository, or pass --force to write anyway."));
            Assert.That(forcedExit, Is.Zero, Driver.Output.ToString());
            Assert.That(forced.Sync!.HasChanges, Is.True);
        }
    }

    private async Task<(PipelineRun Run, int ExitCode)> SyncAsync(bool force)
    {
        var run = Driver.NewRun("Sync", o => new() { Target = o.Target, Environment = o.Environment, RepositoryRoot = o.RepositoryRoot, Force = force });
        try
        {
            await run.AuthAsync();
            await run.ExtractAsync();
            run.Normalize();
            run.SyncState();
            return (run, run.Finish(null));
        }
        catch (Exception e)
        {
            return (run, run.Finish(e));
        }
    }

    private void CommitEverything()
    {
        Git("init", "--quiet");
        Git("add", "--all");
        Git("-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", "commit", "--quiet", "-m", "sample");
    }

    private void Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Repository.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, $"git {string.Join(' ', arguments)}: {error}");
    }
}
