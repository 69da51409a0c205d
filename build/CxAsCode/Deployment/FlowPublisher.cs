using CxAsCode.Extraction;
using CxAsCode.Flows;
using CxAsCode.Http;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Deployment;

/// <summary>
/// Publishes a flow's YAML through an Architect import job (which creates the flow when its type and name are
/// new, and publishes a new version either way), then reads the flow until it shows that publish: the read is
/// the post-image a rollback's guard compares with, so a replica still showing the version before would make
/// our own write look like someone else's.
/// </summary>
internal sealed class FlowPublisher(ArchitectJobs jobs, LiveReader reader, TimeProvider time)
{
    /// <summary>How long a read may lag behind the publish before the post-image is left unknown.</summary>
    public static readonly TimeSpan ReadWindow = TimeSpan.FromSeconds(30);

    /// <param name="key">The flow's key, for messages.</param>
    /// <param name="yaml">The YAML to publish, placeholders filled.</param>
    /// <param name="before">The flow before (null when it is new): its published version is what must move.</param>
    /// <param name="cancellationToken">Stops the job polling and the reads.</param>
    /// <returns>The flow as read after the publish; only its id when no read showed it within <see cref="ReadWindow"/>.</returns>
    public async Task<JObject> PublishAsync(string key, string yaml, JObject? before, CancellationToken cancellationToken)
    {
        JObject state;
        try
        {
            state = await jobs.ImportAsync(key, yaml, cancellationToken);
        }
        catch (ResponseLostException e)
        {
            // Only the job's registration can lose its answer (reads are retried): nothing was uploaded yet.
            throw new ApiException($"No answer registering the import job for flow '{key}'; nothing was uploaded.", e);
        }

        var id = (string?)state["flow"]?["id"] ?? throw new ApiException($"Importing flow '{key}' succeeded without naming the flow.");
        var started = time.GetUtcNow();
        while (time.GetUtcNow() - started < ReadWindow)
        {
            var read = await reader.ReadStateAsync(ResourceKinds.Flows, id, cancellationToken);
            if (read.Exists && !JToken.DeepEquals(read.Object!["publishedVersion"], before?["publishedVersion"]))
            {
                return read.Object!;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), time, cancellationToken);
        }

        return new JObject { ["id"] = id };
    }
}
