using CxAsCode.Extraction;
using CxAsCode.Planning;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Deployment;

/// <summary>
/// Re-reads planned objects in batches (one list call per 50 ids, plus member lists the plan compared) and
/// refuses when any fingerprint moved since the plan: we never write over an edit made after it.
/// </summary>
internal sealed class Preconditions
{
    private readonly LiveReader _reader;

    public Preconditions(LiveReader reader) => _reader = reader;

    /// <summary>The fresh live object for each entry that has one; throws <see cref="PreconditionFailedException"/> on any drift.</summary>
    public async Task<IReadOnlyDictionary<PlanEntry, JObject>> CheckAsync(IEnumerable<PlanEntry> entries, CancellationToken cancellationToken)
    {
        var fresh = new Dictionary<PlanEntry, JObject>();
        var problems = new List<string>();
        foreach (var group in entries.Where(e => e.LiveId is not null).GroupBy(e => e.Kind))
        {
            var kind = ResourceKinds.ByName(group.Key);
            var live = await _reader.ReadManyAsync(kind, [.. group.Select(e => e.LiveId!)], cancellationToken);
            foreach (var entry in group)
            {
                if (!live.TryGetValue(entry.LiveId!, out var raw))
                {
                    problems.Add($"{kind} '{entry.Key}' was deleted after the plan was made");
                    continue;
                }

                raw = (JObject)raw.DeepClone();
                foreach (var sub in kind.SubResources.Where(s => entry.Desired?[s.Field] is not null))
                {
                    var ids = await _reader.ReadMemberIdsAsync(kind, sub, entry.LiveId!, cancellationToken);
                    raw[sub.Field] = new JArray(ids.Select(id => new JObject { ["id"] = id }));
                }

                var now = Fingerprints.Of(kind, raw);
                if (now != entry.Fingerprint)
                {
                    problems.Add($"{kind} '{entry.Key}' changed after the plan was made (planned against {entry.Fingerprint}, live is now {now})");
                    continue;
                }

                if (entry.Action is ChangeAction.Delete or ChangeAction.Replace)
                {
                    // Keep the member lists in the pre-image, so a rollback that recreates the object restores them too.
                    foreach (var sub in kind.SubResources.Where(s => raw[s.Field] is null))
                    {
                        var ids = await _reader.ReadMemberIdsAsync(kind, sub, entry.LiveId!, cancellationToken);
                        raw[sub.Field] = new JArray(ids.Select(id => new JObject { ["id"] = id }));
                    }
                }

                fresh[entry] = raw;
            }
        }

        return problems.Count == 0
            ? fresh
            : throw new PreconditionFailedException("Refusing to overwrite edits made after the plan: " + string.Join("; ", problems) + ".");
    }
}
