using System.Diagnostics;

namespace CxAsCode.Tests.Integration;

/// <summary>
/// Through <c>./build.sh</c>: the tests leave the checkout they run from alone (they run in a clone), and a
/// plan or journal made for <c>test</c> is refused by a run for <c>dev</c> with zero writes.
/// </summary>
[TestFixture]
[NonParallelizable]
internal sealed class LocalWorkTests
{
    private static readonly string[] Watched = ["artifacts", ".sandbox", "state", "mappings"];

    private SandboxHost _sandbox = null!;

    [OneTimeSetUp]
    public async Task StartSandbox() => _sandbox = await SandboxHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopSandbox() => await _sandbox.DisposeAsync();

    [SetUp]
    public async Task Reset()
    {
        await _sandbox.ResetAsync();
        await _sandbox.ClearRequestsAsync();
    }

    [Test]
    public async Task BuildScript_DryRunDeployRollbackAndTheAutoStartedSandbox_LeaveTheCheckoutAsItWas()
    {
        var before = CheckoutSnapshot();

        var noCredentials = await BuildScript.RunAsync(null, new Dictionary<string, string?> { ["CI"] = null }, "--target=DryRun", "--env=dev");
        var deploy = await BuildScript.RunAsync(_sandbox, "--target=Deploy", "--env=dev");
        var rollback = await BuildScript.RunAsync(_sandbox, "--target=Rollback", "--env=dev");

        var clone = BuildScript.Root;
        using (Assert.EnterMultipleScope())
        {
            Assert.That((noCredentials.ExitCode, deploy.ExitCode, rollback.ExitCode), Is.EqualTo((0, 0, 0)), noCredentials.Output + deploy.Output + rollback.Output);
            Assert.That(CheckoutSnapshot(), Is.EqualTo(before), "git status --porcelain --ignored and every file under artifacts/, .sandbox/, state/, mappings/ of the checkout");
            Assert.That(clone, Is.Not.EqualTo(TestRepository.RepositoryRoot));
            Assert.That(File.Exists(Path.Combine(clone, "artifacts", "dev", "latest", "report.json")), Is.True, "the runs wrote into the clone");
            Assert.That(Directory.EnumerateFiles(Path.Combine(clone, ".sandbox")), Is.Not.Empty, "the auto-started sandbox kept its org in the clone");
            Assert.That(rollback.Output, Does.Match(@"Rollback: from artifacts/dev/[0-9TZ]+-[0-9a-f]{6}/journal\.jsonl, the newest journal of dev \(run "));
        }
    }

    [Test]
    public async Task BuildScript_PlanMadeForTestAppliedWithEnvDev_ExitsOneWithZeroWrites()
    {
        var (planExit, planOutput) = await BuildScript.RunAsync(_sandbox, "--target=DryRun", "--env=test", "--out=reviewed/plan.json");
        await _sandbox.ClearRequestsAsync();

        var (exit, output) = await BuildScript.RunAsync(_sandbox, "--target=Deploy", "--env=dev", "--plan=reviewed/plan.json");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(planExit, Is.Zero, planOutput);
            Assert.That(exit, Is.EqualTo(1), output);
            Assert.That(output, Does.Match(@"The plan in reviewed/plan\.json was made for test \(org [0-9a-f-]{36}, at 127\.0\.0\.1:\d+\), and this run is for dev \(org [0-9a-f-]{36}, at 127\.0\.0\.1:\d+\): refused, nothing was sent\."));
            Assert.That(output, Does.Not.Contain("Rolling back"));
            Assert.That(await _sandbox.WritesAsync(), Is.Empty);
        }
    }

    [Test]
    public async Task BuildScript_JournalOfATestDeployRolledBackWithEnvDev_ExitsOneWithZeroWrites()
    {
        var (deployExit, deployOutput) = await BuildScript.RunAsync(_sandbox, "--target=Deploy", "--env=test");
        var journal = Directory.EnumerateFiles(Path.Combine(BuildScript.Root, "artifacts", "test"), "journal.jsonl", SearchOption.AllDirectories).Single();
        var relative = Path.GetRelativePath(BuildScript.Root, journal);
        await _sandbox.ClearRequestsAsync();

        var (exit, output) = await BuildScript.RunAsync(_sandbox, "--target=Rollback", "--env=dev", "--journal=" + relative);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(deployExit, Is.Zero, deployOutput);
            Assert.That(deployOutput, Does.Match(@"Deploy: \d+ changes, [1-9]\d* writes"), "the journal holds writes a wrong rollback would undo");
            Assert.That(exit, Is.EqualTo(1), output);
            Assert.That(output, Does.Contain($"The journal {relative} was made for test (org ").And.Contain("and this run is for dev (org "));
            Assert.That(await _sandbox.WritesAsync(), Is.Empty);
        }
    }

    /// <summary>What a person would see of the checkout's run outputs: git's view (ignored files included) and every file's size and time.</summary>
    private static string CheckoutSnapshot()
    {
        var root = TestRepository.RepositoryRoot;
        var files = Watched
            .Select(folder => Path.Combine(root, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .Select(f => $"{Path.GetRelativePath(root, f)} {new FileInfo(f).Length} {File.GetLastWriteTimeUtc(f):O}");
        return GitStatus(root) + "\n" + string.Join("\n", files);
    }

    private static string GitStatus(string root)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "status", "--porcelain", "--ignored", "--untracked-files=all", "--" }.Concat(Watched))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
