using CxAsCode.Http;
using Polly.Timeout;

namespace CxAsCode.Deployment;

/// <summary>
/// How long the platform may take to show a write everywhere (<c>--consistency-window</c>, default 60 s),
/// and the bounded re-reading that respects it. A read made once the window since our write has passed is
/// trustworthy: that is what the window promises. Before then an answer is believed only as far as its
/// <see cref="Trust"/> allows, and the question is asked again with a growing pause (0.5 s doubling to 8 s,
/// never past the deadline). An answer still unclear at the deadline is reported as unknown, never guessed.
/// </summary>
internal sealed class ConsistencyWindow
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(8);

    public ConsistencyWindow(TimeProvider time, TimeSpan length)
    {
        Time = time;
        Length = length < TimeSpan.Zero ? TimeSpan.Zero : length;
    }

    public TimeProvider Time { get; }

    public TimeSpan Length { get; }

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>"60 s": how the window reads in messages.</summary>
    public string Describe() => $"{Length.TotalSeconds:0.#} s";

    /// <summary>
    /// Reads until an answer can be believed: <see cref="Trust.Settled"/> at once, <see cref="Trust.Stable"/>
    /// when two reads in a row agree, <see cref="Trust.Tentative"/> once <paramref name="since"/> + the window
    /// has passed. A failed read counts as <see cref="Trust.Unclear"/>; at the deadline that is unknown.
    /// </summary>
    /// <param name="since">When our write (the one the question is about) was made.</param>
    /// <param name="read">One read and its reading; called at least once.</param>
    /// <param name="unclear">The value an unknown settlement carries (never acted on).</param>
    /// <param name="cancellationToken">Stops the waiting.</param>
    public async Task<Settlement<T>> SettleAsync<T>(DateTimeOffset since, Func<CancellationToken, Task<Observation<T>>> read, T unclear, CancellationToken cancellationToken)
    {
        var deadline = since + Length;
        Observation<T>? previous = null;
        for (var reads = 1; ; reads++)
        {
            var seen = await ReadOnceAsync(read, unclear, cancellationToken);
            var late = Now >= deadline;
            if (Believed(seen, previous, late))
            {
                return new Settlement<T>(seen.Value, null, reads, seen.Reason);
            }

            if (!await PauseAsync(deadline, reads, cancellationToken))
            {
                return new Settlement<T>(unclear, $"{seen.Reason} ({reads} read(s) over the {Describe()} consistency window)", reads, seen.Reason);
            }

            previous = seen;
        }
    }

    /// <summary>
    /// Waits before try number <paramref name="tries"/> + 1 (0.5 s doubling, capped at 8 s and at the
    /// deadline). False, without waiting, once the deadline has passed: no more tries.
    /// </summary>
    public async Task<bool> PauseAsync(DateTimeOffset deadline, int tries, CancellationToken cancellationToken)
    {
        var remaining = deadline - Now;
        if (remaining <= TimeSpan.Zero)
        {
            return false;
        }

        var pause = TimeSpan.FromTicks(Math.Min(LongestPause.Ticks, FirstPause.Ticks << Math.Min(tries - 1, 10)));
        await Task.Delay(pause < remaining ? pause : remaining, Time, cancellationToken);
        return true;
    }

    private static bool Believed<T>(Observation<T> seen, Observation<T>? previous, bool late) => seen.Trust switch
    {
        Trust.Settled => true,
        Trust.Stable => late || (previous is { Trust: Trust.Stable } && previous.Key == seen.Key),
        Trust.Tentative => late,
        _ => false,
    };

    private static async Task<Observation<T>> ReadOnceAsync<T>(Func<CancellationToken, Task<Observation<T>>> read, T unclear, CancellationToken cancellationToken)
    {
        try
        {
            return await read(cancellationToken);
        }
        catch (Exception e) when (e is (ApiException and not ApiAuthenticationException) or HttpRequestException or TimeoutRejectedException or IOException)
        {
            // A read that failed tells nothing either way; the next one may work.
            return Observation<T>.Unclear(unclear, "reading failed: " + e.Message);
        }
    }
}
