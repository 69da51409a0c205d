using CxAsCode.Configuration;
using CxAsCode.Normalization;
using CxAsCode.Planning;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Pipeline;

/// <summary>Sync: live configuration back into <c>state/&lt;env&gt;</c>, in canonical form (drift capture).</summary>
public sealed partial class PipelineRun
{
    /// <summary>
    /// Writes every live object of every managed kind as a state file and removes files of objects that no
    /// longer exist. A file whose content, once mappings are applied, already equals live is kept as it is,
    /// so <c>{{key}}</c> substitutions and symbolic names survive a sync that found nothing new.
    /// </summary>
    public void SyncState()
    {
        var live = Live ?? throw new InvalidOperationException("Extract has not run.");
        RefuseSyncOverLocalChanges(syncing: true);
        var existing = CanonicalState.GroupBy(o => (o.Kind.Name, o.Key.ToUpperInvariant())).ToDictionary(g => g.Key, g => g.First());
        // Each object's state form, by its key once normalized (a flow's name may be a {{key}} until then).
        var asWritten = Desired!.Objects.Zip(CanonicalState, (state, canonical) => canonical with { Body = state.Body })
            .GroupBy(o => (o.Kind.Name, o.Key.ToUpperInvariant())).ToDictionary(g => g.Key, g => g.First());
        var files = new List<(ResourceKind, string, JObject)>();
        // Where users keep their queue memberships, live member lists are written back onto them.
        var liveObjects = UserMemberships.Unfold(live.All, CanonicalState).ToLookup(o => o.Kind);
        foreach (var kind in ResourceKinds.Managed)
        {
            foreach (var item in liveObjects[kind])
            {
                var current = existing.GetValueOrDefault((kind.Name, item.Key.ToUpperInvariant()));
                var written = asWritten.GetValueOrDefault((kind.Name, item.Key.ToUpperInvariant()));
                var liveBody = item.Body; // a live body is parsed on each read: once here
                // As the planner compares: a field state leaves to the server (a flow's division) is no difference.
                var keep = current is not null && JToken.DeepEquals(kind.ServerDefaults?.Invoke(current.Body, liveBody) ?? current.Body, liveBody)
                    ? written!.Body
                    : kind.IsFlow ? FlowNormalizer.ToState(liveBody, written?.Body, Mappings) : StateNormalizer.ToState(kind, liveBody, Mappings);
                files.Add((kind, kind.IsFlow ? FlowFolder(item, written) : item.Key, keep));
            }
        }

        Sync = _store.Write(Options.Environment, files);
        Log($"Sync: state/{Options.Environment}: {Sync}.");
        if (Options.Commit && Sync.HasChanges)
        {
            var message = $"Sync {Options.Environment} from live: {Sync.Created} added, {Sync.Updated} updated, {Sync.Removed} removed";
            Log(Git.CommitPath(Options.RepositoryRoot, $"state/{Options.Environment}", message)
                ? $"Sync: committed \"{message}\"."
                : "Sync: nothing to commit.");
        }
    }

    /// <summary>A flow keeps the folder it was read from; a new one gets <see cref="State.FileNames.FolderFor"/> its name.</summary>
    private static string FlowFolder(ResourceObject live, ResourceObject? written) =>
        written?.SourceFile is { } file && file.Split('/') is { Length: >= 2 } parts && parts[^1] == "flow.yaml"
            ? parts[^2]
            : State.FileNames.FolderFor((string?)live.Body["name"] ?? live.Key);

    /// <summary>
    /// Sync rewrites <c>state/&lt;env&gt;</c> wholesale, so uncommitted work there would be lost without a trace:
    /// refused unless <c>--force</c>. Outside a git work tree nothing tells what is uncommitted, so the same.
    /// Checked before Auth (no request is sent) and again right before writing.
    /// </summary>
    private void RefuseSyncOverLocalChanges(bool syncing = false)
    {
        if (!syncing && Options.Target != "Sync")
        {
            return;
        }

        var folder = $"state/{Options.Environment}";
        var changes = Git.UncommittedChanges(Options.RepositoryRoot, folder);
        if (changes is { Count: 0 })
        {
            return;
        }

        var what = changes is null
            ? $"{Options.RepositoryRoot} is not a git work tree, so Sync cannot tell whether {folder} holds work it would overwrite"
            : $"{folder} has {changes.Count} uncommitted change(s) ({string.Join(", ", changes.Take(5).Select(c => c.Trim()))}{(changes.Count > 5 ? ", …" : string.Empty)}) that Sync would overwrite";
        if (!Options.Force)
        {
            throw new ConfigurationException(changes is null
                ? $"{what}. Sync in a git clone of the repository, or pass --force to write anyway."
                : $"{what}. Commit or stash them first, or pass --force to overwrite them.");
        }

        if (syncing)
        {
            Warn($"{what}; --force given, so they are overwritten.");
        }
    }
}
