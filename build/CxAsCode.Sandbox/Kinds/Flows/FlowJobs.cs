using System.Collections.Concurrent;
using System.Security.Cryptography;
using CxAsCode.Sandbox.Store;
using Microsoft.AspNetCore.WebUtilities;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Kinds.Flows;

/// <summary>
/// Architect import and export jobs (genesys-api.md §3). An import job is registered (<c>Registered</c>), its
/// YAML PUT to the presigned URL with exactly the headers the registration returned (<c>Started</c>), and
/// <see cref="Processing"/> later on the sandbox clock it ends <c>Success</c> or <c>Failure</c> (ArchitectJobStateResponse.status).
/// An export job is <c>Started</c> until the same delay has passed, then <c>Success</c> with a download URL.
/// Jobs live in memory: a restart forgets them, as a client must expect of a job it did not finish polling.
/// </summary>
internal sealed class FlowJobs(SandboxClock clock, TimeSpan processing)
{
    /// <summary>How long the platform takes over a job here (<see cref="SandboxOptions.ArchitectJobTime"/>).</summary>
    public TimeSpan Processing { get; } = processing;

    /// <summary>What a PUT to the presigned URL must carry (the platform returns the object store's; these are
    /// the sandbox's own, and a client must send exactly what it was given).</summary>
    public static readonly IReadOnlyDictionary<string, string> UploadHeaders = new Dictionary<string, string>
    {
        ["Content-Type"] = "application/octet-stream",
        ["x-amz-server-side-encryption"] = "AES256",
    };

    private readonly ConcurrentDictionary<string, ImportJob> _imports = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ExportJob> _exports = new(StringComparer.Ordinal);

    public ImportJob Register(string? clientId)
    {
        var job = new ImportJob(DeterministicId.NewRandom(), NewToken(), clientId);
        _imports[job.Id] = job;
        return job;
    }

    public ImportJob? Import(string id) => _imports.GetValueOrDefault(id);

    /// <summary>The import job a presigned upload URL belongs to (jobs are few: a scan serves).</summary>
    public ImportJob? ByUploadToken(string token) => _imports.Values.FirstOrDefault(j => j.UploadToken == token);

    public ExportJob Export(IReadOnlyList<string> flowIds)
    {
        var job = new ExportJob(DeterministicId.NewRandom(), NewToken(), flowIds, clock.UtcNow);
        _exports[job.Id] = job;
        return job;
    }

    public ExportJob? ExportJob(string id) => _exports.GetValueOrDefault(id);

    /// <summary>The export job a presigned download URL belongs to.</summary>
    public ExportJob? ByDownloadToken(string token) => _exports.Values.FirstOrDefault(j => j.DownloadToken == token);

    public void Clear()
    {
        _imports.Clear();
        _exports.Clear();
    }

    /// <summary>A presigned URL's secret part: 24 random bytes, URL-safe.</summary>
    private static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(24));
}

/// <summary>One import job; <see cref="Status"/> moves Registered → Started → Success/Failure.</summary>
internal sealed class ImportJob(string id, string uploadToken, string? clientId)
{
    public string Id { get; } = id;

    public string UploadToken { get; } = uploadToken;

    public string? ClientId { get; } = clientId;

    public string Status { get; set; } = "Registered";

    public string? Content { get; set; }

    public DateTimeOffset? UploadedAt { get; set; }

    public string? FlowId { get; set; }

    public string? FlowName { get; set; }

    public List<JObject> Messages { get; } = [];

    /// <summary>A <c>jobFailure</c> fault's message: the job ends in Failure with it.</summary>
    public string? FailWith { get; set; }
}

/// <summary>One export job of some flows; its archive is built when it completes.</summary>
internal sealed class ExportJob(string id, string downloadToken, IReadOnlyList<string> flowIds, DateTimeOffset createdAt)
{
    public string Id { get; } = id;

    public string DownloadToken { get; } = downloadToken;

    public IReadOnlyList<string> FlowIds { get; } = flowIds;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public byte[]? Archive { get; set; }

    /// <summary>A <c>jobFailure</c> fault's message: the job ends in Failure with it.</summary>
    public string? FailWith { get; set; }

    public List<JObject> Messages { get; } = [];
}
