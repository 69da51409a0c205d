namespace CxAsCode.Http;

/// <summary>
/// How many attempts one logical request took, retries included: the write-result lines say "3 attempts"
/// when a write needed more than one. Pass one to <see cref="GenesysClient.SendAsync(HttpMethod, string, Newtonsoft.Json.Linq.JToken?, AttemptCounter?, CancellationToken)"/>;
/// it keeps counting across calls, so a write sent again after a refusal counts every try.
/// </summary>
internal sealed class AttemptCounter
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Add() => Interlocked.Increment(ref _count);
}
