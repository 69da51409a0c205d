using CxAsCode.Sandbox.Permissions;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Store;

/// <summary>Everything a write needs besides the org: who and when (<see cref="Stamp"/>), the realism
/// profile in force, and what the caller may do. It also turns a new version of an object into a
/// <see cref="Revision"/> that the read views pick up after the configured lags.</summary>
internal sealed class WriteContext(Stamp stamp, DateTimeOffset now, RealismProfile realism, Access access)
{
    public Stamp Stamp { get; } = stamp;

    public DateTimeOffset Now { get; } = now;

    public RealismProfile Realism { get; } = realism;

    public Access Access { get; } = access;

    private ConsistencyLags Lags => Realism.Consistency;

    /// <summary>A new version (or a create): GET by id shows it after the get lag, lists after the list lag.</summary>
    public Revision Revision(JObject document) => new(document, Now + Lags.GetLag, Now + Lags.ListLag);

    /// <summary>A hard delete (wrap-up codes): gone from each view after that view's lag.</summary>
    public Revision Deletion() => new(null, Now + Lags.GetLag, Now + Lags.ListLag);

    /// <summary>A queue delete: the queue still answers, is listed and holds its name for the linger time.</summary>
    public Revision QueueDeletion() => new(null, Now + Lags.QueueDeleteLinger, Now + Lags.QueueDeleteLinger);

    /// <summary>A skill's soft delete: <c>state: deleted</c> shows after the usual lags, and the list drops
    /// the skill once it has shown it for <see cref="ConsistencyLags.DeletedSkillListed"/>.</summary>
    public Revision SkillDeletion(JObject document) =>
        new(document, Now + Lags.GetLag, Now + Lags.ListLag, Now + Lags.ListLag + Lags.DeletedSkillListed);
}
