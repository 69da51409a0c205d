using CxAsCode.Sandbox.Kinds.Divisions;
using CxAsCode.Sandbox.Store;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Kinds.Schedules;

/// <summary>Schedule and ScheduleGroup as the API returns them (field names from the SDK contract; schedule
/// references expanded to <c>{id, name, selfUri}</c>).</summary>
internal static class ScheduleViews
{
    public static JObject Schedule(Org org, JObject schedule) => (JObject)Json.WithoutNulls(new JObject
    {
        ["id"] = schedule.Str("id"),
        ["name"] = schedule.Str("name"),
        ["division"] = DivisionView.Reference(org, schedule.RefId("division")),
        ["description"] = schedule.Str("description"),
        ["version"] = schedule.Value<long?>("version"),
        ["dateCreated"] = schedule.Str("dateCreated"),
        ["dateModified"] = schedule.Str("dateModified"),
        ["modifiedBy"] = schedule.Str("modifiedBy"),
        ["createdBy"] = schedule.Str("createdBy"),
        ["state"] = schedule.Str("state"),
        ["start"] = schedule.Str("start"),
        ["end"] = schedule.Str("end"),
        ["rrule"] = schedule.Str("rrule"),
        ["selfUri"] = $"/api/v2/architect/schedules/{schedule.Str("id")}",
    });

    public static JObject Group(Org org, JObject group)
    {
        var view = new JObject
        {
            ["id"] = group.Str("id"),
            ["name"] = group.Str("name"),
            ["division"] = DivisionView.Reference(org, group.RefId("division")),
            ["description"] = group.Str("description"),
            ["version"] = group.Value<long?>("version"),
            ["dateCreated"] = group.Str("dateCreated"),
            ["dateModified"] = group.Str("dateModified"),
            ["modifiedBy"] = group.Str("modifiedBy"),
            ["createdBy"] = group.Str("createdBy"),
            ["state"] = group.Str("state"),
            ["timeZone"] = group.Str("timeZone"),
        };
        foreach (var field in ScheduleGroupOperations.ScheduleFields)
        {
            view[field] = new JArray((group[field] as JArray ?? []).Select(r => ScheduleReference(org, r.RefIdOf())));
        }

        view["selfUri"] = $"/api/v2/architect/schedulegroups/{group.Str("id")}";
        return (JObject)Json.WithoutNulls(view);
    }

    private static JObject ScheduleReference(Org org, string? id) => (JObject)Json.WithoutNulls(new JObject
    {
        ["id"] = id,
        ["name"] = org.Schedules.Current(id)?.Str("name"),
        ["selfUri"] = $"/api/v2/architect/schedules/{id}",
    });
}
