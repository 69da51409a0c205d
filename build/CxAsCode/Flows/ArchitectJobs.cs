using System.IO.Compression;
using System.Text;
using CxAsCode.Http;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Flows;

/// <summary>
/// Flow content through Architect jobs (genesys-api.md §3), the only way the platform moves it: export many flows
/// per job and download the archive from the job's URL; import one flow by registering a job, PUTting the YAML to
/// the presigned URL with exactly the headers the registration returned (and no Authorization header: the URL is
/// the credential), then polling until <c>Success</c> or <c>Failure</c>. Polls back off from 0.25 s (× 1.5) to 4 s; a
/// job still running after <see cref="JobTimeout"/> is an error naming it.
/// </summary>
internal sealed class ArchitectJobs(GenesysClient client, HttpClient storage, TimeProvider time)
{
    /// <summary>Jobs through the client's own connection and clock.</summary>
    public ArchitectJobs(GenesysClient client)
        : this(client, client.Storage, client.Time)
    {
    }

    /// <summary>Flows per export job: large enough to keep jobs few, small enough for one archive.</summary>
    public const int FlowsPerExportJob = 50;

    public static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The published YAML of each flow, by flow id, in ⌈ids / <see cref="FlowsPerExportJob"/>⌉ jobs.</summary>
    public async Task<IReadOnlyList<string>> ExportAsync(IReadOnlyList<string> flowIds, CancellationToken cancellationToken)
    {
        var contents = new List<string>();
        foreach (var batch in flowIds.Chunk(FlowsPerExportJob))
        {
            var body = new JObject { ["flows"] = new JArray(batch.Select(id => new JObject { ["flow"] = new JObject { ["id"] = id } })) };
            for (var attempt = 1; ; attempt++)
            {
                var job = (string)(await client.SendAsync(HttpMethod.Post, "/api/v2/flows/export/jobs", body, cancellationToken))!["id"]!;
                try
                {
                    var done = await PollAsync($"/api/v2/flows/export/jobs/{Uri.EscapeDataString(job)}?expand=messages", "export", cancellationToken);
                    var url = (string?)done["downloadUrl"] ?? throw new ApiException($"Export job {job} succeeded without a download URL.");
                    contents.AddRange(await DownloadAsync(new Uri(url), cancellationToken));
                    break;
                }
                catch (ExportJobFailedException) when (attempt < ExportAttempts)
                {
                    // An export reads and changes nothing; under rate limiting the platform fails jobs that would
                    // succeed a moment later, so a failed one is asked for again, a few times, before giving up.
                }
            }
        }

        return contents;
    }

    /// <summary>How many times one batch is exported before its failure stands.</summary>
    public const int ExportAttempts = 3;

    /// <summary>Imports (creates or updates, and publishes) one flow; returns the job's final state.</summary>
    /// <exception cref="ApiException">The job failed: its messages, with the flow's name.</exception>
    public async Task<JObject> ImportAsync(string flowName, string yaml, CancellationToken cancellationToken)
    {
        var registered = (JObject)(await client.SendAsync(HttpMethod.Post, "/api/v2/flows/jobs", null, cancellationToken))!;
        using (var upload = new HttpRequestMessage(HttpMethod.Put, (string)registered["presignedUrl"]!) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(yaml)) })
        {
            foreach (var header in (registered["headers"] as JObject ?? []).Properties())
            {
                if (!upload.Headers.TryAddWithoutValidation(header.Name, (string?)header.Value))
                {
                    upload.Content.Headers.TryAddWithoutValidation(header.Name, (string?)header.Value);
                }
            }

            using var response = await storage.SendAsync(upload, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new ApiException($"Uploading flow '{flowName}' to the job's presigned URL answered {(int)response.StatusCode}.");
            }
        }

        var job = (string)registered["id"]!;
        var state = await PollAsync($"/api/v2/flows/jobs/{Uri.EscapeDataString(job)}?expand=messages", "import", cancellationToken);
        return (string?)state["status"] == "Success"
            ? state
            : throw new ApiException($"Importing flow '{flowName}' failed (job {job}): {Messages(state)}");
    }

    private async Task<JObject> PollAsync(string path, string what, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        var started = time.GetUtcNow();
        while (true)
        {
            var state = (JObject)(await client.SendAsync(HttpMethod.Get, path, null, cancellationToken))!;
            switch ((string?)state["status"])
            {
                case "Success":
                    return state;
                case "Failure" when what == "import":
                    return state;
                case "Failure":
                    throw new ExportJobFailedException($"The {what} job {state["id"]} failed: {Messages(state)}");
            }

            if (time.GetUtcNow() - started > JobTimeout)
            {
                throw new ApiException($"The {what} job {state["id"]} was still {(string?)state["status"]} after {JobTimeout.TotalMinutes:0} minutes.");
            }

            await Task.Delay(delay, time, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 3 / 2, TimeSpan.FromSeconds(4).Ticks));
        }
    }

    private async Task<IReadOnlyList<string>> DownloadAsync(Uri url, CancellationToken cancellationToken)
    {
        var bytes = await storage.GetByteArrayAsync(url, cancellationToken);
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var contents = new List<string>();
        foreach (var entry in zip.Entries.Where(e => e.Name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || e.Name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)))
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            contents.Add(await reader.ReadToEndAsync(cancellationToken));
        }

        return contents;
    }

    private static string Messages(JObject state) =>
        string.Join("; ", (state["messages"] as JArray ?? []).Select(m => (string?)m["text"]).OfType<string>()) is { Length: > 0 } text ? text : "no message";
}

/// <summary>An export job that ended in <c>Failure</c>.</summary>
internal sealed class ExportJobFailedException(string message) : ApiException(message);
