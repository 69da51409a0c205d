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
    public void Acquire_WhileAnotherDeployHoldsIt_RefusesNamingTheHolder()
    {
        using var first = DeployLock.Acquire(_folder, "run-one", TimeProvider.System);

        Assert.That(() => DeployLock.Acquire(_folder, "run-two", TimeProvider.System), Throws.InvalidOperationException.With.Message.Contains("run-one"));
    }

    [Test]
    public void Acquire_AfterTheHolderReleased_Succeeds()
    {
        DeployLock.Acquire(_folder, "run-one", TimeProvider.System).Dispose();

        using var second = DeployLock.Acquire(_folder, "run-two", TimeProvider.System);

        Assert.That(File.ReadAllText(Path.Combine(_folder, "deploy.lock.holder")), Does.Contain("run-two"));
    }
}
