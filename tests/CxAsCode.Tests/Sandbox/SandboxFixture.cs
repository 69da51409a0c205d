using CxAsCode.Sandbox;
using Microsoft.Extensions.Time.Testing;

namespace CxAsCode.Tests.Sandbox;

/// <summary>One sandbox per fixture on a free port, reset before every test. It runs with the realism
/// profile on (lags, validation, defaults, divisions, queue rules) on a fake clock that only
/// <see cref="Settle"/> and the tests move, so every lag is exercised without a real wait.</summary>
public abstract class SandboxFixture
{
    private SandboxClient? _sandbox;

    private protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));

    private protected SandboxClient Sandbox => _sandbox ?? throw new InvalidOperationException("The sandbox has not started.");

    private protected virtual SandboxOptions CreateOptions() =>
        new() { Port = 0, TimeProvider = Time, Realism = RealismProfile.Realistic() };

    /// <summary>Moves the clock past every realistic lag: from then on every view shows every write.</summary>
    private protected void Settle() => Time.Advance(ConsistencyLags.Realistic().Longest + TimeSpan.FromSeconds(1));

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
