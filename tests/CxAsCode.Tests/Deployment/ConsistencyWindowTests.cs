using CxAsCode.Deployment;
using CxAsCode.Http;
using Microsoft.Extensions.Time.Testing;

namespace CxAsCode.Tests.Deployment;

/// <summary>The bounded re-reading itself, on a fake clock: which answers are believed, and when.</summary>
public sealed class ConsistencyWindowTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private FakeTimeProvider _time = null!;
    private ConsistencyWindow _window = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(Start);
        _window = new ConsistencyWindow(_time, TimeSpan.FromSeconds(60));
    }

    [Test]
    public async Task SettleAsync_SettledOnTheFirstRead_BelievedAtOnce()
    {
        var reads = 0;

        var settled = await RunAsync(_window.SettleAsync(Start, _ => Read(ref reads, Observation<string>.Settled("applied", "seen")), "unclear", CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(settled.IsKnown, Is.True);
            Assert.That(settled.Value, Is.EqualTo("applied"));
            Assert.That(reads, Is.EqualTo(1));
            Assert.That(_time.GetUtcNow(), Is.EqualTo(Start), "no waiting");
        }
    }

    [Test]
    public async Task SettleAsync_TentativeInsideTheWindow_ReadsAgainUntilTheWindowHasPassed()
    {
        var reads = 0;

        var settled = await RunAsync(_window.SettleAsync(Start, _ => Read(ref reads, Observation<string>.Tentative("not applied", "absent")), "unclear", CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(settled.IsKnown, Is.True);
            Assert.That(settled.Value, Is.EqualTo("not applied"));
            Assert.That(_time.GetUtcNow() - Start, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(60)), "believed only once the window has passed");
            Assert.That(reads, Is.InRange(8, 14), "0.5 s doubling to 8 s: a bounded number of reads, not a hot loop");
        }
    }

    [Test]
    public async Task SettleAsync_TentativeLongAfterTheWrite_OneReadIsEnough()
    {
        var reads = 0;

        var settled = await RunAsync(_window.SettleAsync(Start - TimeSpan.FromHours(2), _ => Read(ref reads, Observation<string>.Tentative("gone", "404")), "unclear", CancellationToken.None));

        Assert.That((settled.Value, reads), Is.EqualTo(("gone", 1)));
    }

    [Test]
    public async Task SettleAsync_StableAnswer_BelievedWhenTwoReadsAgree()
    {
        var reads = 0;

        var settled = await RunAsync(_window.SettleAsync(Start, _ => Read(ref reads, Observation<string>.Stable("changed", "edited", "fingerprint-a")), "unclear", CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(settled.Value, Is.EqualTo("changed"));
            Assert.That(reads, Is.EqualTo(2));
        }
    }

    [Test]
    public async Task SettleAsync_StableAnswerThatMoves_NotBelievedUntilItHolds()
    {
        var keys = new Queue<string>(["a", "b", "c", "c"]);
        var reads = 0;

        var settled = await RunAsync(_window.SettleAsync(Start, _ => Read(ref reads, Observation<string>.Stable("changed", "edited", keys.Dequeue())), "unclear", CancellationToken.None));

        Assert.That((settled.Value, reads), Is.EqualTo(("changed", 4)));
    }

    [Test]
    public async Task SettleAsync_UnclearUntilTheDeadline_ReportsUnknownWithTheReason()
    {
        var reads = 0;

        var settled = await RunAsync(_window.SettleAsync(Start, _ => Read(ref reads, Observation<string>.Unclear("unclear", "someone else wrote to it")), "unclear", CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(settled.IsKnown, Is.False);
            Assert.That(settled.Unknown, Does.Contain("someone else wrote to it").And.Contain("60 s consistency window"));
            Assert.That(_time.GetUtcNow() - Start, Is.EqualTo(TimeSpan.FromSeconds(60)), "it gives up at the deadline, not later");
        }
    }

    [Test]
    public async Task SettleAsync_ReadFailsThenWorks_FailureCountsAsUnclearNotAsAnAnswer()
    {
        var reads = 0;

        var settled = await RunAsync(_window.SettleAsync(Start, _ => ++reads == 1
            ? throw new ApiException("GET", "/q", 503, null, null, "service unavailable")
            : Task.FromResult(Observation<string>.Settled("applied", "seen")), "unclear", CancellationToken.None));

        Assert.That((settled.Value, reads), Is.EqualTo(("applied", 2)));
    }

    [Test]
    public async Task SettleAsync_AuthenticationFails_IsNotSwallowed()
    {
        await Assert.ThatAsync(
            () => _window.SettleAsync<string>(Start, _ => throw new ApiAuthenticationException("GET", "/q", 401, null, null, "bad.credentials"), "unclear", CancellationToken.None),
            Throws.TypeOf<ApiAuthenticationException>());
    }

    [Test]
    public async Task PauseAsync_AfterTheDeadline_ReturnsFalseWithoutWaiting()
    {
        var waited = await _window.PauseAsync(Start - TimeSpan.FromSeconds(1), 1, CancellationToken.None);

        Assert.That((waited, _time.GetUtcNow()), Is.EqualTo((false, Start)));
    }

    private static Task<Observation<string>> Read(ref int reads, Observation<string> answer)
    {
        reads++;
        return Task.FromResult(answer);
    }

    private async Task<T> RunAsync<T>(Task<T> task)
    {
        for (var turns = 0; !task.IsCompleted && turns < 10_000; turns++)
        {
            await Task.Yield();
            _time.Advance(TimeSpan.FromMilliseconds(250));
        }

        return await task;
    }
}
