using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Store;

/// <summary>How one object is kept in <c>org.json</c> and the journal. A settled object (every view shows
/// its newest version) is just its stored document, exactly as in format 1; an object some view has not
/// caught up with yet is <c>{"id", "$revisions": [{document, getFrom, listFrom, listUntil}]}</c>, so a
/// restarted sandbox keeps showing what the platform would show.</summary>
internal static class EntityJson
{
    private const string RevisionsKey = "$revisions";

    public static JObject ToJson(Entity entity, DateTimeOffset now)
    {
        if (entity.Revisions.Count == 1 && entity.Latest.SettledAt <= now && entity.Current is { } settled)
        {
            return settled;
        }

        return new JObject
        {
            ["id"] = entity.Id,
            [RevisionsKey] = new JArray(entity.Revisions.Select(r => new JObject
            {
                ["document"] = r.Document is null ? JValue.CreateNull() : r.Document,
                ["getFrom"] = SandboxClock.Format(r.GetFrom),
                ["listFrom"] = SandboxClock.Format(r.ListFrom),
                ["listUntil"] = r.ListUntil is { } until ? SandboxClock.Format(until) : null,
            })),
        };
    }

    public static Entity FromJson(JObject item)
    {
        var entity = new Entity(item.Str("id") ?? throw new InvalidOperationException("An object in the org file has no id."));
        if (item[RevisionsKey] is not JArray revisions)
        {
            // A settled soft-deleted object (a skill in state deleted) has left the lists for good: its
            // listing window is over, and format 1 never listed deleted skills either.
            var settled = Revision.Settled((JObject)item.DeepClone());
            entity.Add(item.Str("state") == "deleted" ? settled with { ListUntil = DateTimeOffset.MinValue } : settled);
            return entity;
        }

        foreach (var revision in revisions.OfType<JObject>())
        {
            entity.Add(new Revision(
                revision["document"] as JObject,
                Instant(revision, "getFrom"),
                Instant(revision, "listFrom"),
                revision.Str("listUntil") is { } until ? SandboxClock.Parse(until) : null));
        }

        return entity.Revisions.Count > 0 ? entity : throw new InvalidOperationException($"Object {entity.Id} in the org file has no versions.");
    }

    private static DateTimeOffset Instant(JObject revision, string name) =>
        SandboxClock.Parse(revision.Str(name) ?? throw new InvalidOperationException($"A version in the org file has no {name}."));
}
