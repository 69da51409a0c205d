using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Store;

/// <summary>The whole emulated org, in stored form: each object holds its own fields with references kept
/// as <c>{"id": …}</c> only. Views expand references on read, so renaming a division shows everywhere.
/// Every lookup a request makes is by key (see <see cref="KindTable"/>); nothing here is scanned per request.</summary>
internal sealed class Org
{
    public const int FormatVersion = 2;

    private readonly Dictionary<string, JObject> _divisionsById = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, HashSet<string>> _queuesByCode = new(StringComparer.OrdinalIgnoreCase);

    public Org()
    {
        Skills = new KindTable("skills", skill => skill.Str("state") != "deleted");
        WrapupCodes = new KindTable("wrapupcodes");
        Queues = new KindTable("queues");
        Languages = new KindTable("languages", language => language.Str("state") != "deleted");
        Schedules = new KindTable("schedules");
        ScheduleGroups = new KindTable("schedulegroups");
        Users = new KindTable("users");
        Flows = new KindTable("flows");
    }

    /// <summary>The organization itself (<c>GET /api/v2/organizations/me</c>): its id is what plans and
    /// journals bind to, so it is random per org file and survives <c>/sandbox/reset</c> (same org, reseeded).</summary>
    public JObject Organization { get; set; } = NewOrganization();

    public List<JObject> Divisions { get; } = [];

    public KindTable Skills { get; }

    public KindTable WrapupCodes { get; }

    /// <summary>Queues; each also carries <c>wrapupCodes</c> (assigned code ids), which the views hide.</summary>
    public KindTable Queues { get; }

    public KindTable Languages { get; }

    public KindTable Schedules { get; }

    public KindTable ScheduleGroups { get; }

    /// <summary>Architect flows, deleted ones included (soft delete); each holds its published YAML.</summary>
    public KindTable Flows { get; }

    /// <summary>Users, deleted ones included (soft delete); each holds its routing skills and languages.</summary>
    public KindTable Users { get; }

    /// <summary>Queues an admin marked as having conversations in progress (their delete needs
    /// <c>forceDelete=true</c>).</summary>
    public HashSet<string> QueuesWithConversations { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Set when <see cref="QueuesWithConversations"/> changed, so the store journals it.</summary>
    public bool ConversationsChanged { get; set; }

    /// <summary>The instant the views were last brought up to (see <see cref="Advance"/>).</summary>
    public DateTimeOffset Now { get; private set; } = DateTimeOffset.MinValue;

    public IEnumerable<KindTable> Tables => [Skills, WrapupCodes, Queues, Languages, Schedules, ScheduleGroups, Users, Flows];

    public JObject HomeDivision =>
        Divisions.FirstOrDefault(d => d.Value<bool?>("homeDivision") == true)
        ?? throw new InvalidOperationException("The org has no home division.");

    public int ObjectCount => Tables.Sum(t => t.Count);

    /// <summary>Forgets what changed so far: the org file (or the seed) already holds it.</summary>
    public void MarkSaved()
    {
        foreach (var table in Tables)
        {
            table.TakeDirty();
        }

        ConversationsChanged = false;
    }

    public void AddDivision(JObject division)
    {
        Divisions.Add(division);
        _divisionsById[division.Str("id")!] = division;
    }

    public JObject? FindDivision(string? id) => id is not null && _divisionsById.TryGetValue(id, out var division) ? division : null;

    /// <summary>Brings every view up to <paramref name="now"/>. The clock only moves forward; a request
    /// that arrives with an older time (threads racing for the lock) sees the newer views.</summary>
    public void Advance(DateTimeOffset now)
    {
        if (now > Now)
        {
            Now = now;
        }

        foreach (var table in Tables)
        {
            table.Advance(Now);
        }
    }

    /// <summary>The queues a wrap-up code is assigned to (reverse index, so deleting a code touches only them).</summary>
    public IReadOnlyCollection<string> QueuesUsingCode(string codeId) =>
        _queuesByCode.TryGetValue(codeId, out var queues) ? queues : [];

    /// <summary>Keeps the code → queues index in step with a queue's current assignments.</summary>
    public void IndexQueueCodes(string queueId, JObject? before, JObject? after)
    {
        var old = AssignedCodes(before);
        var now = AssignedCodes(after);
        foreach (var code in old.Except(now, StringComparer.OrdinalIgnoreCase))
        {
            if (_queuesByCode.TryGetValue(code, out var queues) && queues.Remove(queueId) && queues.Count == 0)
            {
                _queuesByCode.Remove(code);
            }
        }

        foreach (var code in now.Except(old, StringComparer.OrdinalIgnoreCase))
        {
            if (!_queuesByCode.TryGetValue(code, out var queues))
            {
                queues = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                _queuesByCode.Add(code, queues);
            }

            queues.Add(queueId);
        }
    }

    public static IReadOnlyList<string> AssignedCodes(JObject? queue) =>
        queue?["wrapupCodes"] is JArray ids ? [.. ids.Select(id => (string?)id).OfType<string>()] : [];

    public static JObject NewOrganization() => new()
    {
        ["id"] = DeterministicId.NewRandom(),
        ["name"] = "Sandbox Energy Co",
    };
}
