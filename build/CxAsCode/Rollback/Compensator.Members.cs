using CxAsCode.Deployment;
using CxAsCode.Http;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Rollback;

/// <summary>
/// Undoing a member-list write (queue wrap-up codes). Our own undo can stop part-way (one member removed,
/// the next refused), so every list between our post-image and the pre-image that only our touched
/// members explain is ours to finish. A list whose owner is gone is done: the list went with it.
/// </summary>
internal sealed partial class Compensator
{
    private async Task<(WriteStatus, string)> UndoMembersAsync(ResourceKind kind, JournalEntry write, DateTimeOffset since, RollbackContext context, AttemptCounter attempts, CancellationToken cancellationToken)
    {
        var sub = kind.SubResources.Single(s => write.Path!.Contains(s.PathSuffix, StringComparison.Ordinal));
        if (context.WasDeleted(write.ObjectId))
        {
            return (WriteStatus.Compensated, $"its {kind} was deleted by this rollback, {sub.Field} and all");
        }

        var settled = await SettleAsync(since, async token => SeeMembers(kind, sub, write, await _reader.ReadMemberIdsIfOwnerExistsAsync(kind, sub, write.ObjectId!, token)), cancellationToken);
        switch (settled.Value.Verdict)
        {
            case Verdict.AlreadyUndone:
                return (WriteStatus.Compensated, settled.Value.Detail);
            case Verdict.Changed:
                return Changed(kind, write, $"check its {sub.Field} by hand");
            case Verdict.Unclear:
                return Unknown(kind, write, settled);
        }

        var current = settled.Value.Members!;
        var path = kind.ItemPath(write.ObjectId!) + sub.PathSuffix;
        var touched = write.MemberIds ?? [];
        var before = MemberLists.Ids(write.PreImage);
        if (write.Operation == WriteOperation.AddMembers)
        {
            foreach (var member in touched.Intersect(current, StringComparer.Ordinal).Except(before, StringComparer.Ordinal))
            {
                try
                {
                    await SendAsync(kind, write, HttpMethod.Delete, $"{path}/{Uri.EscapeDataString(member)}", null, null, attempts, cancellationToken);
                }
                catch (NotFoundException)
                {
                    // Not assigned any more: that is what this undo wants.
                }
            }
        }
        else
        {
            var missing = touched.Except(current, StringComparer.Ordinal).ToList();
            if (missing.Count == 0)
            {
                return (WriteStatus.Compensated, "already as before");
            }

            await SendAsync(kind, write, HttpMethod.Post, path, new JArray(missing.Select(m => new JObject { ["id"] = m })), null, attempts, cancellationToken);
        }

        return (WriteStatus.Compensated, $"{sub.Field} restored");
    }

    private static Observation<GuardRead> SeeMembers(ResourceKind kind, SubResource sub, JournalEntry write, IReadOnlyList<string>? members)
    {
        if (members is null)
        {
            // The owner answers 404: its list went with it. Believed once the window has passed (lag after a create).
            return Tentative(Verdict.AlreadyUndone, $"its {kind} is gone, {sub.Field} and all");
        }

        var current = members.ToHashSet(StringComparer.Ordinal);
        var before = MemberLists.Ids(write.PreImage).ToHashSet(StringComparer.Ordinal);
        var touched = write.MemberIds ?? [];
        var after = write.Operation == WriteOperation.AddMembers
            ? before.Union(touched, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal)
            : before.Except(touched, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        if (current.SetEquals(before))
        {
            // Also what a read lagging behind our write shows, and lists carry no marker to tell.
            return Tentative(Verdict.AlreadyUndone, "already as before");
        }

        var ours = new HashSet<string>(before, StringComparer.Ordinal);
        ours.UnionWith(after);
        var kept = new HashSet<string>(before, StringComparer.Ordinal);
        kept.IntersectWith(after);
        // Anywhere from our post-image back to the pre-image, moved only by members our write touched: ours.
        return kept.IsSubsetOf(current) && current.IsSubsetOf(ours)
            ? Observation<GuardRead>.Settled(new GuardRead(Verdict.Undo, "ours to undo", Members: [.. current]), "ours to undo")
            : Stable(Verdict.Changed, $"its {sub.Field} changed after our write", Fingerprints.OfMembers(current));
    }
}
