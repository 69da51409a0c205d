using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.RequestLog;

/// <summary>One logged request. Deliberately has no headers: the Authorization header must never be
/// stored anywhere the tests (or a leak scan) could find it.</summary>
internal sealed record RequestLogEntry(
    long Seq,
    string Method,
    string Path,
    string Query,
    int Status,
    string Timestamp,
    string Body,
    string? Fault)
{
    public JObject ToJson() => new()
    {
        ["seq"] = Seq,
        ["method"] = Method,
        ["path"] = Path,
        ["query"] = Query,
        ["status"] = Status,
        ["timestamp"] = Timestamp,
        ["body"] = Body,
        ["fault"] = Fault,
    };
}
