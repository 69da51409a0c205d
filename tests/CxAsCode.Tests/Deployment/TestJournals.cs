using CxAsCode.Deployment;

namespace CxAsCode.Tests.Deployment;

/// <summary>New journals for unit tests, with the header every journal starts with.</summary>
internal static class TestJournals
{
    public static JournalHeader Header { get; } = new()
    {
        Environment = "dev",
        OrgId = "org-under-test",
        ApiHost = "localhost",
        RunId = "test-run",
        StartedAt = "2026-12-03T10:00:00.0000000+00:00",
    };

    public static Journal Create(string path) => Journal.Create(path, Header);

    /// <summary>Opens the journal at <paramref name="path"/>, creating it (with its header) when there is none.</summary>
    public static Journal OpenOrCreate(string path) => File.Exists(path) ? Journal.Open(path) : Create(path);
}
