using CxAsCode.Http;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Deployment;

/// <summary>
/// Sends one user's write (<see cref="UserBodies"/>): create or restore, then the PATCH of its fields with the
/// version the last answer carried, then its skills in one bulk PUT and its languages in bulk PATCHes of 50
/// (UserRoutingOperations in the sandbox, the operation summaries in the SDK contract), then each language
/// removal. The whole sequence is one journal entry whose pre-image is the user before it, so a rollback
/// puts back the user's fields, skills and languages together. A step failing after an earlier one applied
/// is a <see cref="PartiallyAppliedException"/>: the journal then records what did apply.
/// </summary>
internal sealed class UserWriter
{
    /// <summary>PATCH …/routinglanguages/bulk takes at most 50 languages (its summary in the SDK contract).</summary>
    public const int LanguagesPerRequest = 50;
    private readonly PatientSender _sender;

    public UserWriter(PatientSender sender) => _sender = sender;

    /// <param name="kind">Users.</param>
    /// <param name="key">The user's email, for messages.</param>
    /// <param name="id">The user's id; null for a create.</param>
    /// <param name="body">What to send, from <see cref="UserBodies.Between"/>.</param>
    /// <param name="before">The user as read before the write (its version starts the PATCHes); null for a create.</param>
    /// <param name="attempts">Counts every request.</param>
    /// <param name="cancellationToken">Stops between requests.</param>
    /// <returns>The user as the write leaves it.</returns>
    public async Task<JObject> ApplyAsync(ResourceKind kind, string key, string? id, JObject body, JObject? before, AttemptCounter attempts, CancellationToken cancellationToken)
    {
        var user = before;
        DateTimeOffset? createdAt = null;
        var applied = false;
        var done = new JObject(); // the routing-list parts that applied, for the post-image of a partial write
        try
        {
            if (body["create"] is JObject create)
            {
                user = await SendAsync(kind, key, HttpMethod.Post, kind.ApiPath, create, null, attempts, cancellationToken)
                    ?? throw new InvalidOperationException($"Creating user '{key}' returned no user.");
                id = (string?)user["id"] ?? throw new InvalidOperationException($"Creating user '{key}' returned no id.");
                createdAt = _sender.Window.Now;
                applied = true;
            }

            if (body["restore"]?.Value<bool>() == true)
            {
                user = await PatchAsync(kind, key, id!, new JObject { ["state"] = "active" }, user, null, attempts, cancellationToken);
                applied = true;
            }

            if (body["patch"] is JObject patch)
            {
                user = await PatchAsync(kind, key, id!, patch, user, createdAt, attempts, cancellationToken);
                applied = true;
            }

            var path = kind.ItemPath(id!);
            if (body["routingSkills"] is JArray skills)
            {
                await SendAsync(kind, key, HttpMethod.Put, path + "/routingskills/bulk", skills, createdAt, attempts, cancellationToken);
                done["routingSkills"] = skills;
                applied = true;
            }

            foreach (var chunk in (body["routingLanguages"] as JArray ?? []).Chunk(LanguagesPerRequest))
            {
                await SendAsync(kind, key, HttpMethod.Patch, path + "/routinglanguages/bulk", new JArray(chunk), createdAt, attempts, cancellationToken);
                Append(done, "routingLanguages", chunk);
                applied = true;
            }

            foreach (var language in (body["removeLanguages"] as JArray ?? []).Select(t => (string)t!))
            {
                await SendAsync(kind, key, HttpMethod.Delete, $"{path}/routinglanguages/{Uri.EscapeDataString(language)}", null, createdAt, attempts, cancellationToken);
                Append(done, "removeLanguages", [language]);
                applied = true;
            }

            return UserBodies.After(user!, before, body);
        }
        catch (Exception e) when (applied && e is not OperationCanceledException)
        {
            throw new PartiallyAppliedException($"user '{key}': {e.Message} (after part of its write applied)", UserBodies.After(user!, before, done), e);
        }
    }

    private static void Append(JObject done, string part, IEnumerable<JToken> entries)
    {
        var list = done[part] as JArray ?? [];
        foreach (var entry in entries)
        {
            list.Add(entry.DeepClone());
        }

        done[part] = list;
    }

    /// <summary>PATCH with the version of the user as last seen: a 409 means someone else wrote in between, and is never sent again.</summary>
    private async Task<JObject> PatchAsync(ResourceKind kind, string key, string id, JObject fields, JObject? user, DateTimeOffset? createdAt, AttemptCounter attempts, CancellationToken cancellationToken)
    {
        var body = (JObject)fields.DeepClone();
        body["version"] = user?["version"]?.DeepClone();
        return await SendAsync(kind, key, HttpMethod.Patch, kind.ItemPath(id), body, createdAt, attempts, cancellationToken)
            ?? throw new InvalidOperationException($"Updating user '{key}' returned no user.");
    }

    private async Task<JObject?> SendAsync(ResourceKind kind, string key, HttpMethod method, string path, JToken? body, DateTimeOffset? createdAt, AttemptCounter attempts, CancellationToken cancellationToken) =>
        await _sender.SendAsync(kind, key, method, path, body, createdAt, attempts, cancellationToken) as JObject;
}
