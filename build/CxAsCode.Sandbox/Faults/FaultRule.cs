using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Faults;

/// <summary>One injected fault, as registered with <c>POST /sandbox/faults</c>. It fires on the
/// <see cref="Nth"/> matching request counted from registration, and on the <see cref="Times"/> − 1
/// matching requests right after it.</summary>
internal sealed class FaultRule
{
    public required string Id { get; init; }

    /// <summary>Shown in the request log's <c>fault</c> column; the id unless the test named it.</summary>
    public required string Name { get; init; }

    /// <summary>An HTTP method, <c>*</c> for any, or <c>WRITE</c> for any that can change the org: not a GET, nor the
    /// POST that starts an export job, which only reads flows (a fault on "the Nth write" of a run).</summary>
    public string Method { get; init; } = "*";

    public required Regex Path { get; init; }

    public int Nth { get; init; } = 1;

    public int Times { get; init; } = 1;

    public int? Status { get; init; }

    public int? RetryAfter { get; init; }

    public int DelayMs { get; init; }

    public bool DropAfterApply { get; init; }

    /// <summary>Hold the request this long on the sandbox clock whatever the client does (it may time out
    /// and hang up: the real server does not notice), then apply it and close the connection unanswered.</summary>
    public int? ApplyAfterMs { get; init; }

    public bool EchoRequest { get; init; }

    /// <summary>
    /// For the POST that starts an Architect import or export job: the job is accepted, then ends in
    /// <c>Failure</c> with this message, as the platform's jobs sometimes do under rate limiting.
    /// </summary>
    public string? JobFailure { get; init; }

    private int _waiting;

    /// <summary>Matching requests seen so far (guarded by the registry's lock).</summary>
    public int Matched { get; set; }

    /// <summary>Requests this fault holds right now (<see cref="ApplyAfterMs"/>), so a test knows when its
    /// clock can move.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    public void Hold() => Interlocked.Increment(ref _waiting);

    public void Release() => Interlocked.Decrement(ref _waiting);

    public bool Matches(string method, string path) =>
        (Method == "*"
            || (Method == "WRITE" && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !IsExportJob(method, path))
            || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)) && Path.IsMatch(path);

    private static bool IsExportJob(string method, string path) =>
        HttpMethods.IsPost(method) && path.StartsWith("/api/v2/flows/export/jobs", StringComparison.OrdinalIgnoreCase);

    /// <summary>The status a fault answers with without applying the request; null when it only delays
    /// or drops. An echoing fault with no status is a 500, the hostile server the leak tests need.</summary>
    public int? EffectiveStatus => DropAfterApply || ApplyAfterMs is not null ? null : Status ?? (EchoRequest ? 500 : null);

    public JObject ToJson() => new()
    {
        ["id"] = Id,
        ["name"] = Name,
        ["method"] = Method,
        ["path"] = Path.ToString(),
        ["nth"] = Nth,
        ["times"] = Times,
        ["status"] = Status,
        ["retryAfter"] = RetryAfter,
        ["delayMs"] = DelayMs,
        ["dropAfterApply"] = DropAfterApply,
        ["applyAfterMs"] = ApplyAfterMs,
        ["echoRequest"] = EchoRequest,
        ["matched"] = Matched,
        ["waiting"] = Waiting,
    };
}
