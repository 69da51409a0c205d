using CxAsCode.Normalization;
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
        var existing = DesiredObjects.GroupBy(o => (o.Kind.Name, o.Key.ToUpperInvariant())).ToDictionary(g => g.Key, g => g.First());
        var asWritten = Desired!.Objects.GroupBy(o => (o.Kind.Name, o.Key.ToUpperInvariant())).ToDictionary(g => g.Key, g => g.First());
        var files = new List<(ResourceKind, string, JObject)>();
        foreach (var kind in ResourceKinds.Managed)
        {
            foreach (var item in live.Of(kind))
            {
                var current = existing.GetValueOrDefault((kind.Name, item.Key.ToUpperInvariant()));
                var keep = current is not null && JToken.DeepEquals(current.Body, item.Body)
                    ? asWritten[(kind.Name, item.Key.ToUpperInvariant())].Body
                    : StateNormalizer.ToState(kind, item.Body, Mappings);
                files.Add((kind, item.Key, keep));
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
}
