using System.Globalization;
using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Kinds.Divisions;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Kinds.Schedules;

/// <summary>
/// Architect schedules: create, replace (PUT) with the current <c>version</c>, delete. A stale version is 409
/// <c>general.conflict</c> and deleting a schedule a group still uses is 409 <c>general.conflict</c>
/// (genesys-api.md §3, §4). <c>start</c> and <c>end</c> are local date-times without a zone in the form the
/// Schedule model documents ("yyyy-MM-ddTHH:mm:ss.SSS"); the <c>rrule</c> is stored verbatim.
/// </summary>
internal static class ScheduleOperations
{
    public const int MaxPageSize = 100;
    public const string LocalDateTime = "yyyy-MM-ddTHH:mm:ss.fff";

    public static JObject Create(Org org, JObject body, WriteContext write, string? id = null)
    {
        var schedule = new JObject { ["id"] = id ?? DeterministicId.NewRandom(), ["state"] = "active" };
        Assign(org, schedule, body, write);
        schedule["version"] = 1;
        schedule["dateCreated"] = write.Stamp.Timestamp;
        schedule["createdBy"] = write.Stamp.ActorId;
        Stamp(schedule, write.Stamp);
        org.Schedules.Commit(schedule.Str("id")!, write.Revision(schedule), write.Now);
        return schedule;
    }

    public static JObject Replace(Org org, string id, JObject body, WriteContext write)
    {
        var schedule = (JObject)Find(org, id, write).DeepClone();
        Versions.Require(body, schedule, "schedule");
        Assign(org, schedule, body, write);
        Touch(schedule, write.Stamp);
        org.Schedules.Commit(id, write.Revision(schedule), write.Now);
        return schedule;
    }

    public static JObject Delete(Org org, string id, WriteContext write)
    {
        var schedule = Find(org, id, write);
        var user = org.ScheduleGroups.Entities.Select(e => e.Current).OfType<JObject>()
            .FirstOrDefault(g => ScheduleGroupOperations.ScheduleIds(g).Contains(id, StringComparer.OrdinalIgnoreCase));
        if (user is not null)
        {
            throw ApiErrors.Conflict($"The schedule {schedule.Str("name")} is in use by the schedule group {user.Str("name")}.", schedule.Str("name"));
        }

        org.Schedules.Commit(id, write.Deletion(), write.Now);
        return schedule;
    }

    /// <summary>A new version: the platform counts every change.</summary>
    public static void Touch(JObject schedule, Stamp stamp)
    {
        schedule["version"] = (schedule.Value<long?>("version") ?? 0) + 1;
        Stamp(schedule, stamp);
    }

    private static void Stamp(JObject schedule, Stamp stamp)
    {
        schedule["dateModified"] = stamp.Timestamp;
        schedule["modifiedBy"] = stamp.ActorId;
    }

    private static JObject Find(Org org, string id, WriteContext write)
    {
        var schedule = org.Schedules.Current(id) ?? throw ApiErrors.NotFound("schedule", id);
        write.Access.Demand(org, schedule.RefId("division"), id, schedule.Str("name"));
        return schedule;
    }

    private static void Assign(Org org, JObject schedule, JObject body, WriteContext write)
    {
        var name = Names.Require(body);
        var start = body.Str("start");
        var end = body.Str("end");
        if (write.Realism.Validation)
        {
            foreach (var (field, value) in new[] { ("start", start), ("end", end) })
            {
                if (!DateTime.TryParseExact(value, LocalDateTime, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    throw ApiErrors.InvalidValue($"The schedule's {field} must be a local date-time like 2026-01-05T08:00:00.000 (got '{value}').");
                }
            }
        }

        var divisionId = DivisionView.ResolveForWrite(org, body, allowAllDivisions: false);
        if (!string.Equals(divisionId, schedule.RefId("division"), StringComparison.OrdinalIgnoreCase))
        {
            write.Access.Demand(org, divisionId, schedule.Str("id"), name);
        }

        schedule["name"] = name;
        schedule["division"] = new JObject { ["id"] = divisionId };
        foreach (var (field, value) in new[] { ("description", body.Str("description")), ("start", start), ("end", end), ("rrule", body.Str("rrule")) })
        {
            if (value is null)
            {
                schedule.Remove(field);
            }
            else
            {
                schedule[field] = value;
            }
        }
    }
}
