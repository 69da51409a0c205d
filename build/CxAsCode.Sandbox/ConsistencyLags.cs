namespace CxAsCode.Sandbox;

/// <summary>How far the sandbox's read views lag behind its writes, as Genesys Cloud's do (it is
/// eventually consistent). All zero (<see cref="None"/>) is the old, instant behaviour.</summary>
public sealed class ConsistencyLags
{
    /// <summary>How long lists and <c>name</c>/<c>id</c> filters keep showing the previous state after a
    /// write: a new object is missing, an edited one shows its previous version. Realistic: 5 s — the
    /// Terraform provider sleeps 5 s before listing queues because "newly created resources often aren't
    /// returned unless there's a delay" (genesyscloud/routing_queue/resource_genesyscloud_routing_queue.go,
    /// getAllRoutingQueues).</summary>
    public TimeSpan ListLag { get; set; }

    /// <summary>How long GET by id keeps answering with the previous state after a write: 404 after a
    /// create, the previous version after a PUT. Realistic: 2 s — the provider retries a 404 read after
    /// a create (util.WithRetriesForRead, custom_retry_timeout default 5 min) and re-reads until the state
    /// matches what it wrote (genesyscloud/consistency_checker); the sources give no figure, so the sandbox
    /// takes a moment shorter than <see cref="ListLag"/>.</summary>
    public TimeSpan GetLag { get; set; }

    /// <summary>How long a deleted queue still answers GET, stays listed and keeps its name taken.
    /// Realistic: 60 s — "Queue deletes are not immediate … Otherwise it may not expire for a minute"
    /// (resource_genesyscloud_routing_queue.go, deleteRoutingQueue, which then polls for up to 120 s).</summary>
    public TimeSpan QueueDeleteLinger { get; set; }

    /// <summary>How long a deleted skill stays in the skills list with <c>state: deleted</c> (GET by id keeps
    /// answering with that state for good). Realistic: 60 s — the provider accepts <c>state: deleted</c> as
    /// "deleted" (routing_skill/resource_genesyscloud_routing_skill.go, deleteRoutingSkill); the sources give
    /// no figure for the list, so the sandbox uses the same minute as queues.</summary>
    public TimeSpan DeletedSkillListed { get; set; }

    /// <summary>The longest of the lags: after this long every view shows every write.</summary>
    public TimeSpan Longest => new[] { ListLag, GetLag, QueueDeleteLinger, ListLag + DeletedSkillListed }.Max();

    /// <summary>No lag at all: every read shows every write at once.</summary>
    public static ConsistencyLags None() => new();

    /// <summary>The lags documented above.</summary>
    public static ConsistencyLags Realistic() => new()
    {
        ListLag = TimeSpan.FromSeconds(5),
        GetLag = TimeSpan.FromSeconds(2),
        QueueDeleteLinger = TimeSpan.FromSeconds(60),
        DeletedSkillListed = TimeSpan.FromSeconds(60),
    };

    internal ConsistencyLags Clone() => (ConsistencyLags)MemberwiseClone();
}
