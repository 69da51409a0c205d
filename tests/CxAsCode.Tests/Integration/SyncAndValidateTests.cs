using System.Diagnostics;
using System.Text.RegularExpressions;
using CxAsCode.Pipeline;

namespace CxAsCode.Tests.Integration;

/// <summary>Sync's drift capture and Validate's refusal, against the sandbox.</summary>
[TestFixture]
[NonParallelizable]
internal sealed partial class SyncAndValidateTests : SandboxPipelineFixture
{
    [Test]
    public async Task Sync_TwiceAgainstUnchangedOrg_SecondLeavesGitStatusClean()
    {
        Git("init", "--quiet");
        Git("add", "--all");
        Git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "--quiet", "-m", "sample");

        var first = await SyncAsync();
        Git("add", "--all");
        Git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "--quiet", "-m", "first sync");
        var second = await SyncAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Sync!.HasChanges, Is.True, "the seeded org differs from state/dev");
            Assert.That(second.Sync!.HasChanges, Is.False, second.Sync.ToString());
            Assert.That(Git("status", "--porcelain"), Is.Empty);
        }
    }

    [Test]
    public async Task Sync_WritesNoIdsVersionsOrDates()
    {
        await SyncAsync();

        var offenders = Directory.EnumerateFiles(Repository.PathOf("state/dev"), "*.json", SearchOption.AllDirectories)
            .Where(f => Forbidden().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(Repository.Root, f))
            .ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(offenders, Is.Empty);
            Assert.That(File.Exists(Repository.PathOf("state/dev/routing/skills/legacy-gas-tariffs.json")), Is.True, "live-only objects are captured");
            Assert.That(File.ReadAllText(Repository.PathOf("state/dev/routing/queues/outage-line.json")), Does.Contain("\"Power cuts and supply faults\""), "drift is captured");
        }
    }

    [Test]
    public async Task Sync_AfterDeploy_KeepsTemplatedFilesAsWritten()
    {
        await Driver.RunAsync("Deploy");
        await SandboxHost.SettleAsync();
        var template = File.ReadAllText(Repository.PathOf("state/dev/routing/queues/outage-line.json"));

        var run = await SyncAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(File.ReadAllText(Repository.PathOf("state/dev/routing/queues/outage-line.json")), Is.EqualTo(template));
            Assert.That(template, Does.Contain("{{emergencyLine}}"));
            Assert.That(run.Sync!.Updated, Is.Zero, run.Sync.ToString());
        }
    }

    [TestCase("dangling skill", "state/dev/routing/queues/solar-sales.json", "\"Solar\"", "\"Solar Panels\"", "$.bullseye.rings[0].actions.skillsToRemove[0]")]
    [TestCase("duplicate name", "state/dev/routing/skills/welsh.json", "\"Welsh\"", "\"SPANISH\"", "duplicate skills name")]
    [TestCase("malformed JSON", "state/dev/routing/wrapupcodes/resolved.json", "\"name\"", "name", "malformed JSON")]
    public async Task Validate_BadStateFile_FailsNamingFileAndPathBeforeAnyWrite(string _, string file, string find, string replace, string expected)
    {
        var path = Repository.PathOf(file);
        File.WriteAllText(path, File.ReadAllText(path).Replace(find, replace, StringComparison.Ordinal));

        var (run, exit) = await Driver.RunAsync("Deploy");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(run.Failure, Is.TypeOf<ValidationFailedException>());
            Assert.That(run.ValidationErrors.Select(e => e.ToString()), Has.Some.StartsWith(file).And.Contains(expected));
            Assert.That(Driver.Output.ToString(), Does.Contain(file));
            Assert.That(await Sandbox.WritesAsync(), Is.Empty, "nothing reaches the sandbox");
        }
    }

    private Task<PipelineRun> SyncAsync() => Driver.SyncForcedAsync();

    private string Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Repository.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, $"git {string.Join(' ', arguments)}: {process.StandardError.ReadToEnd()}");
        return output;
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\"(selfUri|version|id|dateCreated|dateModified|createdBy|modifiedBy)\"")]
    private static partial Regex Forbidden();
}
