using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Planning;

/// <summary>Desired canonical objects versus the live snapshot → a <see cref="Plan"/>. Pure: no API calls.</summary>
internal static class Planner
{
    public static Plan Create(OrgBinding target, IReadOnlyList<ResourceObject> desired, LiveSnapshot live, bool prune, string createdAt, string? commit)
    {
        var entries = new List<PlanEntry>();
        var unchanged = 0;
        foreach (var kind in ResourceKinds.Managed)
        {
            var wanted = desired.Where(d => d.Kind == kind).ToDictionary(d => d.Key, NameComparer.Instance);
            foreach (var item in wanted.Values.OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                var current = live.ByKey(kind, item.Key);
                if (current is null && live.DeletedByKey(kind, item.Key) is { } deleted)
                {
                    // A deleted user whose email is in state comes back with its id (genesys-api.md §6).
                    entries.Add(Against(deleted, ChangeAction.Restore) with
                    {
                        Desired = item.Body,
                        Changes = [new FieldChange("state", JValue.CreateString("deleted"), JValue.CreateString("active")), .. PlanDiff.Between(kind, deleted.Body, item.Body)],
                        SourceFile = item.SourceFile,
                    });
                    continue;
                }

                if (current is null)
                {
                    entries.Add(new PlanEntry(kind.Name, item.Key, ChangeAction.Create)
                    {
                        Desired = item.Body,
                        Changes = PlanDiff.Between(kind, null, item.Body),
                        SourceFile = item.SourceFile,
                    });
                    continue;
                }

                if (current.HasBodyText(item.Body))
                {
                    // Most objects are unchanged: told from the texts, without parsing the live body.
                    unchanged++;
                    continue;
                }

                // A field state leaves out that the server defaults is the server's choice, not a change.
                var currentBody = current.Body; // a live body is parsed on each read: once here
                var expected = kind.ServerDefaults?.Invoke(item.Body, currentBody) ?? item.Body;
                if (JToken.DeepEquals(currentBody, expected))
                {
                    // One comparison, without walking them into field paths.
                    unchanged++;
                    continue;
                }

                var changes = PlanDiff.Between(kind, currentBody, expected);
                if (changes.Count == 0)
                {
                    unchanged++;
                    continue;
                }

                var action = kind.WriteStrategy == WriteStrategy.CreateDelete ? ChangeAction.Replace : ChangeAction.Update;
                entries.Add(Against(current, action) with { Desired = expected, Changes = changes, SourceFile = item.SourceFile });
            }

            foreach (var orphan in live.Of(kind).Where(l => !wanted.ContainsKey(l.Key)))
            {
                entries.Add(Against(orphan, prune ? ChangeAction.Delete : ChangeAction.Unmanaged) with
                {
                    Changes = prune ? PlanDiff.Between(kind, orphan.Body, null) : [],
                });
            }
        }

        return new Plan { Environment = target.Environment, OrgId = target.OrgId, ApiHost = target.ApiHost, CreatedAt = createdAt, Commit = commit, Entries = entries, Unchanged = unchanged };
    }

    private static PlanEntry Against(ResourceObject live, ChangeAction action) =>
        new(live.Kind.Name, live.Key, action) { LiveId = live.Id, Fingerprint = live.Fingerprint };
}
