using CxAsCode.Sandbox;

namespace CxAsCode.Tests.Sandbox;

/// <summary>One sandbox per fixture on a free port, reset before every test.</summary>
public abstract class SandboxFixture
{
    private SandboxClient? _sandbox;

    private protected SandboxClient Sandbox => _sandbox ?? throw new InvalidOperationException("The sandbox has not started.");

    private protected virtual SandboxOptions CreateOptions() => new() { Port = 0 };

    [OneTimeSetUp]
    public async Task StartSandboxAsync() => _sandbox = await SandboxClient.StartAsync(CreateOptions());

    [SetUp]
    public Task ResetSandboxAsync() => Sandbox.ResetAsync();

    [OneTimeTearDown]
    public async Task StopSandboxAsync()
    {
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
            _sandbox = null;
        }
    }
}
