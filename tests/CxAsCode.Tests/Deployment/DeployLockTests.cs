using System.Diagnostics;
using CxAsCode.Deployment;

namespace CxAsCode.Tests.Deployment;

internal sealed class DeployLockTests
{
    private string _folder = null!;

    [SetUp]
    public void SetUp() => _folder = Path.Combine(Path.GetTempPath(), "cxascode-lock-" + Guid.NewGuid().ToString("N")[..8]);

    [TearDown]
    public void TearDown()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Test]
    public void Acquire_WhileAnotherDeployHoldsIt_RefusesNamingTheHolderAndHowToClearIt()
    {
        using var first = DeployLock.Acquire(_folder, "run-one", TimeProvider.System);

        Assert.That(
            () => DeployLock.Acquire(_folder, "run-two", TimeProvider.System),
            Throws.TypeOf<DeployLockHeldException>().With.Message.Contains("run-one")
                .And.Message.Contains($"stop process {Environment.ProcessId}")
                .And.Message.Contains("releases the lock when it ends"));
    }

    [Test]
    public void Acquire_AfterTheHolderReleased_Succeeds()
    {
        DeployLock.Acquire(_folder, "run-one", TimeProvider.System).Dispose();

        using var second = DeployLock.Acquire(_folder, "run-two", TimeProvider.System);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(File.ReadAllText(Path.Combine(_folder, "deploy.lock.holder")), Does.Contain("run-two"));
            Assert.That(second.StaleHolder, Is.Null, "the last holder tidied up");
        }
    }

    [Test]
    public void Acquire_HolderFileOfARunThatDied_TakesTheLockAndReportsTheStaleHolder()
    {
        // The OS released the dead run's lock; only its holder file is left.
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "deploy.lock.holder"), "run died-run, process 999999 on elsewhere, since 2026-01-01T00:00:00Z");

        using var taken = DeployLock.Acquire(_folder, "run-two", TimeProvider.System);

        Assert.That(taken.StaleHolder, Does.Contain("died-run"));
    }

    [Test]
    public async Task Acquire_LockHeldButTheNamedHolderIsDead_SaysSoAndHowToFindTheRealHolder()
    {
        // Someone holds the file open while the holder file names a process of this machine that has ended.
        using var dead = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await dead.WaitForExitAsync();
        Directory.CreateDirectory(_folder);
        await using var holding = new FileStream(Path.Combine(_folder, "deploy.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        await File.WriteAllTextAsync(Path.Combine(_folder, "deploy.lock.holder"), $"run old-run, process {dead.Id} on {Environment.MachineName}, since 2026-01-01T00:00:00Z");

        Assert.That(
            () => DeployLock.Acquire(_folder, "run-two", TimeProvider.System),
            Throws.TypeOf<DeployLockHeldException>().With.Message.Contains($"Process {dead.Id} is no longer running")
                .And.Message.Contains("lsof"));
    }

    [Test]
    public void Dispose_KeepsTheLockFile_SoTwoLaterRunsNeverLockTwoDifferentFiles()
    {
        DeployLock.Acquire(_folder, "run-one", TimeProvider.System).Dispose();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(File.Exists(Path.Combine(_folder, "deploy.lock")), Is.True);
            Assert.That(File.Exists(Path.Combine(_folder, "deploy.lock.holder")), Is.False);
        }
    }
}
