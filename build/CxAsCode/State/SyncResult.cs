namespace CxAsCode.State;

/// <summary>What Sync changed under <c>state/&lt;env&gt;</c>.</summary>
public sealed record SyncResult(int Created, int Updated, int Removed, int Unchanged)
{
    public bool HasChanges => Created + Updated + Removed > 0;

    public override string ToString() => $"{Created} added, {Updated} updated, {Removed} removed, {Unchanged} unchanged";
}
