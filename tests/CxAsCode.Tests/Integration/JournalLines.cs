using CxAsCode.Deployment;
using CxAsCode.Pipeline;

namespace CxAsCode.Tests.Integration;

/// <summary>Journal files as a crashed or foreign run would have left them, for tests that start from one.</summary>
internal static class JournalLines
{
    /// <summary>A run's header line, as a deploy to this sandbox's org (found through one Auth) writes it.</summary>
    public static async Task<string> HeaderAsync(PipelineDriver driver, string environment = "dev", string runId = "20250501T100000Z-c0ffee", string startedAt = "2025-05-01T10:00:00.0000000+00:00")
    {
        var auth = driver.NewRun("Auth");
        await auth.AuthAsync();
        var org = auth.Binding!;
        return JournalFile.Line(new JournalHeader { Environment = environment, OrgId = org.OrgId, ApiHost = org.ApiHost, RunId = runId, StartedAt = startedAt });
    }

    /// <summary>A create of skill <paramref name="name"/> announced and never answered (the process died).</summary>
    public static string PendingSkillCreate(string name, int seq = 1) =>
        $$$"""{"seq":{{{seq}}},"phase":"intent","kind":"skills","key":"{{{name}}}","operation":"create","method":"POST","path":"/api/v2/routing/skills","body":{"name":"{{{name}}}"}}""";

    /// <summary>Writes a journal of these lines, each ended by a newline.</summary>
    public static string Write(string path, params string[] lines)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Concat(lines.Select(l => l + "\n")));
        return path;
    }
}
