using CxAsCode.Sandbox.Http;
using CxAsCode.Sandbox.Kinds.Divisions;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Kinds.Schedules;

/// <summary>
/// Architect schedule groups: open, closed and holiday schedules by id, an IANA time zone (the Terraform
/// provider's architect_schedulegroups takes the same), PUT with the current <c>version</c> (genesys-api.md §4).
/// A schedule that does not exist is 400 <c>invalid.value</c>, as is an unknown time zone.
/// </summary>
internal static class ScheduleGroupOperations
{
    public const int MaxPageSize = 100;
    public static readonly string[] ScheduleFields = ["openSchedules", "closedSchedules", "holidaySchedules"];

    public static IEnumerable<string> ScheduleIds(JObject group) =>
        ScheduleFields.SelectMany(f => group[f] as JArray ?? []).Select(r => r.RefIdOf()).OfType<string>();

    public static JObject Create(Org org, JObject body, WriteContext write, string? id = null)
    {
        var group = new JObject { ["id"] = id ?? DeterministicId.NewRandom(), ["state"] = "active" };
        Assign(org, group, body, write);
        group["version"] = 1;
        group["dateCreated"] = write.Stamp.Timestamp;
        group["createdBy"] = write.Stamp.ActorId;
        group["dateModified"] = write.Stamp.Timestamp;
        group["modifiedBy"] = write.Stamp.ActorId;
        org.ScheduleGroups.Commit(group.Str("id")!, write.Revision(group), write.Now);
        return group;
    }

    public static JObject Replace(Org org, string id, JObject body, WriteContext write)
    {
        var group = (JObject)Find(org, id, write).DeepClone();
        Versions.Require(body, group, "schedule group");
        Assign(org, group, body, write);
        ScheduleOperations.Touch(group, write.Stamp);
        org.ScheduleGroups.Commit(id, write.Revision(group), write.Now);
        return group;
    }

    public static JObject Delete(Org org, string id, WriteContext write)
    {
        var group = Find(org, id, write);
        org.ScheduleGroups.Commit(id, write.Deletion(), write.Now);
        return group;
    }

    private static JObject Find(Org org, string id, WriteContext write)
    {
        var group = org.ScheduleGroups.Current(id) ?? throw ApiErrors.NotFound("schedule group", id);
        write.Access.Demand(org, group.RefId("division"), id, group.Str("name"));
        return group;
    }

    private static void Assign(Org org, JObject group, JObject body, WriteContext write)
    {
        var name = Names.Require(body);
        var timeZone = body.Str("timeZone");
        if (write.Realism.Validation && (timeZone is null || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _)))
        {
            throw ApiErrors.InvalidValue($"'{timeZone}' is not a time zone the platform knows; use an IANA name such as Europe/London.");
        }

        var references = new Dictionary<string, JArray>(StringComparer.Ordinal);
        foreach (var field in ScheduleFields)
        {
            var ids = new JArray();
            foreach (var reference in body[field] as JArray ?? [])
            {
                var scheduleId = reference.RefIdOf();
                if (org.Schedules.Current(scheduleId) is null)
                {
                    throw ApiErrors.InvalidValue($"The schedule {scheduleId ?? "(no id)"} in {field} does not exist.", scheduleId);
                }

                ids.Add(new JObject { ["id"] = scheduleId });
            }

            references[field] = ids;
        }

        var divisionId = DivisionView.ResolveForWrite(org, body, allowAllDivisions: false);
        if (!string.Equals(divisionId, group.RefId("division"), StringComparison.OrdinalIgnoreCase))
        {
            write.Access.Demand(org, divisionId, group.Str("id"), name);
        }

        group["name"] = name;
        group["division"] = new JObject { ["id"] = divisionId };
        group["timeZone"] = timeZone;
        if (body.Str("description") is { } description)
        {
            group["description"] = description;
        }
        else
        {
            group.Remove("description");
        }

        foreach (var (field, ids) in references)
        {
            group[field] = ids;
        }
    }
}
