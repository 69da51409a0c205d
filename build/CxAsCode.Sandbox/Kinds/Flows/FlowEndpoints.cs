using System.IO.Compression;
using System.Text;
using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Permissions;
using CxAsCode.Sandbox.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Kinds.Flows;

/// <summary>
/// <c>/api/v2/flows</c> (metadata, locks, soft delete), <c>/api/v2/flows/jobs</c> (import: register, upload to the
/// presigned URL, poll) and <c>/api/v2/flows/export/jobs</c> (export: request, poll, download), as genesys-api.md §3
/// describes them. The presigned URLs point at <c>/storage/…</c> on the sandbox itself; a download is a zip with
/// one <c>&lt;flow name&gt;.yaml</c> per flow (the archive layout is the sandbox's: a client should read every .yaml
/// entry and take each flow's identity from its content, not from the entry's name).
/// </summary>
internal static class FlowEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var flows = app.MapGroup("/api/v2/flows");
        flows.MapGet(string.Empty, List);
        flows.MapGet("/{id}", (string id, HttpContext context, OrgStore store) => store.Read(org =>
        {
            var flow = Visible.Get(org, org.Flows, id, "flow", Access.Of(context));
            return flow.Value<bool?>("deleted") == true && context.Request.Query["deleted"] != "true"
                ? throw FlowOperations.Gone(id)
                : JsonResponse.Ok(FlowView.Render(org, flow));
        }));
        flows.MapPost(string.Empty, async (HttpContext context, OrgStore store) =>
        {
            var body = await RequestBody.ReadObjectAsync(context);
            return store.Write(Actors.ApiClient, Access.Of(context), (org, write) => JsonResponse.Ok(FlowView.Render(org, FlowOperations.Create(org, body, write))));
        });
        flows.MapPut("/{id}", async (string id, HttpContext context, OrgStore store) =>
        {
            var body = await RequestBody.ReadObjectAsync(context);
            return store.Write(Actors.ApiClient, Access.Of(context), (org, write) => JsonResponse.Ok(FlowView.Render(org, FlowOperations.UpdateMetadata(org, id, body, write))));
        });
        flows.MapDelete("/{id}", (string id, HttpContext context, OrgStore store) =>
        {
            store.Write(Actors.ApiClient, Access.Of(context), (org, write) => FlowOperations.Delete(org, id, write));
            return Results.NoContent();
        });
        // One route per action, so each is checked against its own operation's permissions in the contract.
        foreach (var action in new[] { "checkout", "checkin", "unlock", "publish", "revert" })
        {
            flows.MapPost("/actions/" + action, (HttpContext context, OrgStore store) =>
            {
                var id = context.Request.Query["flow"].FirstOrDefault() ?? throw ApiErrors.BadRequest("The flow query parameter is required.");
                return store.Write(Actors.ApiClient, Access.Of(context), (org, write) => JsonResponse.Ok(FlowView.Render(org, FlowOperations.Act(org, action, id, write))));
            });
        }

        flows.MapPost("/jobs", (HttpContext context, FlowJobs jobs) =>
        {
            var job = jobs.Register(Access.Of(context).ClientId);
            job.FailWith = context.Items[CxAsCode.Sandbox.Pipeline.FaultMiddleware.JobFailureItem] as string;
            return JsonResponse.Ok(new JObject
            {
                ["id"] = job.Id,
                ["presignedUrl"] = $"{context.Request.Scheme}://{context.Request.Host}/storage/uploads/{job.UploadToken}",
                ["headers"] = JObject.FromObject(FlowJobs.UploadHeaders),
                ["selfUri"] = $"/api/v2/flows/jobs/{job.Id}",
            });
        });
        flows.MapGet("/jobs/{id}", (string id, HttpContext context, FlowJobs jobs, OrgStore store, SandboxClock clock) =>
        {
            var job = jobs.Import(id) ?? throw ApiErrors.NotFound("job", id);
            Advance(job, jobs, store, clock);
            return JsonResponse.Ok((JObject)Json.WithoutNulls(new JObject
            {
                ["id"] = job.Id,
                ["flow"] = job.FlowId is null ? null : new JObject { ["id"] = job.FlowId, ["name"] = job.FlowName, ["selfUri"] = FlowView.SelfUri(job.FlowId) },
                ["status"] = job.Status,
                ["command"] = "Publish",
                ["messages"] = Expanded(context) ? new JArray(job.Messages) : null,
                ["selfUri"] = $"/api/v2/flows/jobs/{job.Id}",
            }));
        });
        flows.MapPost("/export/jobs", async (HttpContext context, FlowJobs jobs, OrgStore store) =>
        {
            var body = await RequestBody.ReadObjectAsync(context);
            var ids = (body["flows"] as JArray ?? throw ApiErrors.BadRequest("flows must be an array of {flow: {id}}."))
                .Select(f => (string?)f["flow"]?["id"] ?? throw ApiErrors.BadRequest("each entry needs flow.id.")).ToList();
            store.Read(org => ids.Select(i => Visible.Get(org, org.Flows, i, "flow", Access.Of(context))).ToList());
            var job = jobs.Export(ids);
            job.FailWith = context.Items[CxAsCode.Sandbox.Pipeline.FaultMiddleware.JobFailureItem] as string;
            return JsonResponse.Ok(new JObject { ["id"] = job.Id, ["selfUri"] = $"/api/v2/flows/export/jobs/{job.Id}" });
        });
        flows.MapGet("/export/jobs/{id}", (string id, HttpContext context, FlowJobs jobs, OrgStore store, SandboxClock clock) =>
        {
            var job = jobs.ExportJob(id) ?? throw ApiErrors.NotFound("job", id);
            var done = clock.UtcNow >= job.CreatedAt + jobs.Processing;
            if (done && job.FailWith is { } failure)
            {
                return JsonResponse.Ok(new JObject
                {
                    ["id"] = job.Id,
                    ["status"] = "Failure",
                    ["command"] = "Export",
                    ["messages"] = new JArray(new JObject { ["dateTime"] = SandboxClock.Format(job.CreatedAt + jobs.Processing), ["type"] = "Error", ["text"] = failure }),
                    ["selfUri"] = $"/api/v2/flows/export/jobs/{job.Id}",
                });
            }

            if (done && job.Archive is null)
            {
                job.Archive = store.Read(org => Archive(org, job.FlowIds));
            }

            return JsonResponse.Ok((JObject)Json.WithoutNulls(new JObject
            {
                ["id"] = job.Id,
                ["status"] = done ? "Success" : "Started",
                ["command"] = "Export",
                ["downloadUrl"] = done ? $"{context.Request.Scheme}://{context.Request.Host}/storage/downloads/{job.DownloadToken}" : null,
                ["messages"] = Expanded(context) ? new JArray(job.Messages) : null,
                ["selfUri"] = $"/api/v2/flows/export/jobs/{job.Id}",
            }));
        });

        app.MapPut("/storage/uploads/{token}", async (string token, HttpContext context, FlowJobs jobs, SandboxClock clock) =>
        {
            var job = jobs.ByUploadToken(token);
            if (job is null || job.Status != "Registered")
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            // A presigned URL is signed over its headers: one missing or different and the store refuses it.
            if (FlowJobs.UploadHeaders.Any(h => context.Request.Headers[h.Key].ToString() != h.Value))
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            job.Content = await RequestBody.ReadTextAsync(context);
            job.UploadedAt = clock.UtcNow;
            job.Status = "Started";
            return Results.Ok();
        });
        app.MapGet("/storage/downloads/{token}", (string token, FlowJobs jobs) =>
            jobs.ByDownloadToken(token)?.Archive is { } archive
                ? Results.Bytes(archive, "application/zip")
                : Results.StatusCode(StatusCodes.Status403Forbidden));
    }

    private static JsonResponse List(HttpContext context, OrgStore store)
    {
        var types = context.Request.Query["type"].SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var withDeleted = context.Request.Query["deleted"] == "true";
        var access = Access.Of(context);
        return store.Read(org =>
        {
            var listed = org.Flows.List(ListFilters.Parse(context.Request), access.Scope(org)).From(0)
                .Where(f => withDeleted || f.Value<bool?>("deleted") != true)
                .Where(f => types.Count == 0 || types.Contains(f.Str("type") ?? string.Empty))
                .ToList();
            return JsonResponse.Ok(Paging.Envelope(context.Request, Listing.Of(listed), FlowOperations.MaxPageSize, f => FlowView.Render(org, f)));
        });
    }

    /// <summary>Finishes an import once its processing time has passed: the Archy-like check, then the publish.</summary>
    private static void Advance(ImportJob job, FlowJobs jobs, OrgStore store, SandboxClock clock)
    {
        if (job.Status != "Started" || clock.UtcNow < job.UploadedAt + jobs.Processing)
        {
            return;
        }

        try
        {
            if (job.FailWith is { } failure)
            {
                throw new FlowImportException(failure);
            }

            var yaml = FlowYaml.Read(job.Content ?? string.Empty);
            var flow = store.Write(Actors.ApiClient, Access.Unrestricted, (org, write) => FlowOperations.Import(org, yaml, job.Content!, write, job.ClientId));
            job.FlowId = flow.Str("id");
            job.FlowName = flow.Str("name");
            job.Status = "Success";
        }
        catch (FlowImportException e)
        {
            job.Messages.Add(new JObject { ["dateTime"] = SandboxClock.Format(clock.UtcNow), ["type"] = "Error", ["text"] = e.Message });
            job.Status = "Failure";
        }
    }

    private static byte[] Archive(Org org, IReadOnlyList<string> flowIds)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var flow in flowIds.Select(id => org.Flows.Current(id)).OfType<JObject>().Where(f => f.Str("content") is not null))
            {
                var entry = zip.CreateEntry($"{flow.Str("name")}.yaml", CompressionLevel.Fastest);
                using var stream = entry.Open();
                var bytes = Encoding.UTF8.GetBytes(flow.Str("content")!);
                stream.Write(bytes);
            }
        }

        return buffer.ToArray();
    }

    private static bool Expanded(HttpContext context) =>
        context.Request.Query["expand"].Any(v => (v ?? string.Empty).Contains("messages", StringComparison.OrdinalIgnoreCase));
}
