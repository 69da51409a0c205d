namespace CxAsCode.Tests.Integration;

/// <summary>
/// One in-process sandbox per fixture, reset before each test, with a fresh copy of the repository's state
/// and a driver that runs the engine against them.
/// </summary>
internal abstract class SandboxPipelineFixture
{
    protected SandboxHost Sandbox { get; private set; } = null!;

    protected TestRepository Repository { get; private set; } = null!;

    protected PipelineDriver Driver { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartSandbox() => Sandbox = await SandboxHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopSandbox() => await Sandbox.DisposeAsync();

    [SetUp]
    public async Task ResetSandboxAndRepository()
    {
        await Sandbox.ResetAsync();
        Repository = new TestRepository();
        Driver = new PipelineDriver(Sandbox, Repository);
    }

    [TearDown]
    public void DisposeRepository()
    {
        Driver.Dispose();
        Repository.Dispose();
    }
}
