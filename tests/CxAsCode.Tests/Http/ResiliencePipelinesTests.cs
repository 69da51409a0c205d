using CxAsCode.Http;
using Microsoft.Extensions.Time.Testing;
using Polly.Timeout;

namespace CxAsCode.Tests.Http;

/// <summary>The pipelines on their own, with Polly's waits on a fake clock: no HTTP, no real sleeping.</summary>
public sealed class ResiliencePipelinesTests
{
    private static readonly TimeSpan RealTimeLimit = TimeSpan.FromSeconds(5);

    [Test]
    public async Task Idempotent_RateLimitedWithRetryAfter_WaitsThatLongOnTheClockBeforeRetrying()
    {
        var time = new FakeTimeProvider();
        using var pipelines = new ResiliencePipelines(Options(), time);
        var attempts = 0;

        var run = pipelines.Idempotent.ExecuteAsync(_ =>
        {
            var attempt = Interlocked.Increment(ref attempts);
            return attempt == 1 ? throw RateLimited(TimeSpan.FromSeconds(10)) : ValueTask.FromResult("done");
        }).AsTask();
        await WaitUntilAsync(() => Volatile.Read(ref attempts) == 1);
        time.Advance(TimeSpan.FromSeconds(9));
        await Task.Delay(50);
        var attemptsBeforeRetryAfter = Volatile.Read(ref attempts);
        time.Advance(TimeSpan.FromSeconds(1));
        var result = await run.WaitAsync(RealTimeLimit);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(attemptsBeforeRetryAfter, Is.EqualTo(1));
            Assert.That(result, Is.EqualTo("done"));
            Assert.That(attempts, Is.EqualTo(2));
        }
    }

    [Test]
    public async Task NonIdempotent_RateLimited_IsRetriedBecauseNothingWasApplied()
    {
        using var pipelines = new ResiliencePipelines(Options(), TimeProvider.System);
        var attempts = 0;

        var result = await pipelines.NonIdempotent.ExecuteAsync(_ =>
            ++attempts < 3 ? throw RateLimited(TimeSpan.Zero) : ValueTask.FromResult("done"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result, Is.EqualTo("done"));
            Assert.That(attempts, Is.EqualTo(3));
        }
    }

    [TestCase(502)]
    [TestCase(503)]
    [TestCase(504)]
    public async Task Idempotent_TransientStatus_IsRetriedUpToMaxRetries(int status)
    {
        using var pipelines = new ResiliencePipelines(Options(maxRetries: 2), TimeProvider.System);
        var attempts = 0;

        await Assert.ThatAsync(
            async () => await pipelines.Idempotent.ExecuteAsync(_ => { attempts++; return ValueTask.FromException<string>(Api(status)); }),
            Throws.TypeOf<ApiException>());

        Assert.That(attempts, Is.EqualTo(3));
    }

    [TestCase(502)]
    [TestCase(503)]
    [TestCase(504)]
    [TestCase(500)]
    public async Task NonIdempotent_ServerError_IsNotRetried(int status)
    {
        using var pipelines = new ResiliencePipelines(Options(), TimeProvider.System);
        var attempts = 0;

        await Assert.ThatAsync(
            async () => await pipelines.NonIdempotent.ExecuteAsync(_ => { attempts++; return ValueTask.FromException<string>(Api(status)); }),
            Throws.TypeOf<ApiException>());

        Assert.That(attempts, Is.EqualTo(1));
    }

    [TestCase(400)]
    [TestCase(404)]
    [TestCase(409)]
    [TestCase(500)]
    public async Task Idempotent_NonTransientStatus_IsNotRetried(int status)
    {
        using var pipelines = new ResiliencePipelines(Options(), TimeProvider.System);
        var attempts = 0;

        await Assert.ThatAsync(
            async () => await pipelines.Idempotent.ExecuteAsync(_ => { attempts++; return ValueTask.FromException<string>(Api(status)); }),
            Throws.InstanceOf<ApiException>());

        Assert.That(attempts, Is.EqualTo(1));
    }

    [Test]
    public async Task Idempotent_HttpRequestException_IsRetriedButNotForNonIdempotent()
    {
        using var pipelines = new ResiliencePipelines(Options(maxRetries: 2), TimeProvider.System);
        var reads = 0;
        var writes = 0;

        await Assert.ThatAsync(
            async () => await pipelines.Idempotent.ExecuteAsync(_ => { reads++; return ValueTask.FromException<string>(new HttpRequestException("reset")); }),
            Throws.TypeOf<HttpRequestException>());
        await Assert.ThatAsync(
            async () => await pipelines.NonIdempotent.ExecuteAsync(_ => { writes++; return ValueTask.FromException<string>(new HttpRequestException("reset")); }),
            Throws.TypeOf<HttpRequestException>());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reads, Is.EqualTo(3));
            Assert.That(writes, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task NonIdempotent_RetryAfterBeyondBudget_ThrowsBudgetExceededAfterOneAttempt()
    {
        var options = Options();
        options.MaxRetryAfter = TimeSpan.FromSeconds(180);
        using var pipelines = new ResiliencePipelines(options, new FakeTimeProvider());
        var attempts = 0;

        await Assert.ThatAsync(
            async () => await pipelines.NonIdempotent.ExecuteAsync(_ => { attempts++; return ValueTask.FromException<string>(RateLimited(TimeSpan.FromSeconds(181))); }),
            Throws.TypeOf<RateLimitBudgetExceededException>().With.Message.Contains("Rate limited beyond budget").And.Message.Contains("181 s"));

        Assert.That(attempts, Is.EqualTo(1));
    }

    [Test]
    public async Task Idempotent_MaxRetriesZero_TriesOnce()
    {
        using var pipelines = new ResiliencePipelines(Options(maxRetries: 0), TimeProvider.System);
        var attempts = 0;

        await Assert.ThatAsync(
            async () => await pipelines.Idempotent.ExecuteAsync(_ => { attempts++; return ValueTask.FromException<string>(RateLimited(TimeSpan.Zero)); }),
            Throws.TypeOf<RateLimitedException>());

        Assert.That(attempts, Is.EqualTo(1));
    }

    [Test]
    public async Task Idempotent_AttemptLongerThanAttemptTimeout_IsCancelledAndRetried()
    {
        var options = Options(maxRetries: 1);
        options.AttemptTimeout = TimeSpan.FromMilliseconds(50);
        using var pipelines = new ResiliencePipelines(options, TimeProvider.System);
        var attempts = 0;

        await Assert.ThatAsync(
            async () => await pipelines.Idempotent.ExecuteAsync(async token =>
            {
                attempts++;
                await Task.Delay(TimeSpan.FromSeconds(10), token);
                return "never";
            }),
            Throws.TypeOf<TimeoutRejectedException>());

        Assert.That(attempts, Is.EqualTo(2));
    }

    private static ResilienceOptions Options(int maxRetries = 3) => new()
    {
        BaseDelay = TimeSpan.Zero,
        RequestsPerMinute = 0,
        MaxRetries = maxRetries,
        AttemptTimeout = TimeSpan.FromSeconds(10),
    };

    private static RateLimitedException RateLimited(TimeSpan retryAfter) =>
        new("GET", "/api/v2/routing/queues", null, null, "429", retryAfter);

    private static ApiException Api(int status) =>
        new("GET", "/api/v2/routing/queues", status, null, null, $"answered {status}");

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = TimeProvider.System.GetUtcNow() + RealTimeLimit;
        while (!condition() && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(5);
        }
    }
}
