using Newtonsoft.Json.Linq;

namespace CxAsCode.Rollback;

/// <summary>A guard's reading of one read: the verdict, in words, and what was read (an object or a member list).</summary>
internal sealed record GuardRead(Verdict Verdict, string Detail, JObject? Current = null, IReadOnlyList<string>? Members = null)
{
    public static GuardRead Unclear { get; } = new(Verdict.Unclear, "unclear");
}
