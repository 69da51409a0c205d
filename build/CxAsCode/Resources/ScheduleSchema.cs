using System.Globalization;
using static CxAsCode.Resources.FieldSchema;

namespace CxAsCode.Resources;

/// <summary>
/// The managed fields of routing languages (Language), schedules (Schedule) and schedule groups
/// (ScheduleGroup) in the SDK contract (build/contract/genesys-models.json). A schedule's <c>start</c> and
/// <c>end</c> are local date-times without a zone ("yyyy-MM-ddTHH:mm:ss.SSS", the model's own description) and
/// its <c>rrule</c> an RFC 5545 recurrence rule; both are kept verbatim. A group's time zone is an IANA name
/// (the Terraform provider's architect_schedulegroups validates it the same way).
/// </summary>
internal static class ScheduleSchema
{
    /// <summary>The form the platform documents for Schedule.start and Schedule.end.</summary>
    public const string LocalDateTimeFormat = "yyyy-MM-ddTHH:mm:ss.fff";

    public static readonly IReadOnlyDictionary<string, FieldSchema> Languages = new Dictionary<string, FieldSchema>
    {
        ["name"] = Name,
    };

    public static readonly IReadOnlyDictionary<string, FieldSchema> Schedules = new Dictionary<string, FieldSchema>
    {
        ["name"] = Name,
        ["division"] = Text,
        ["description"] = Text,
        ["start"] = LocalDateTime,
        ["end"] = LocalDateTime,
        ["rrule"] = RecurrenceRule,
    };

    public static readonly IReadOnlyDictionary<string, FieldSchema> ScheduleGroups = new Dictionary<string, FieldSchema>
    {
        ["name"] = Name,
        ["division"] = Text,
        ["description"] = Text,
        ["timeZone"] = TimeZone,
        ["openSchedules"] = ArrayOf(Name),
        ["closedSchedules"] = ArrayOf(Name),
        ["holidaySchedules"] = ArrayOf(Name),
    };

    private static FieldSchema LocalDateTime => Text with
    {
        Format = text => DateTime.TryParseExact(text, LocalDateTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? null
            : $"'{text}' is not a local date-time in the form {LocalDateTimeFormat} (e.g. 2026-01-05T08:00:00.000, no time zone)",
    };

    private static FieldSchema RecurrenceRule => Text with
    {
        Format = text => text.StartsWith("FREQ=", StringComparison.Ordinal) || text.Contains(";FREQ=", StringComparison.Ordinal)
            ? null
            : $"'{text}' is not an RFC 5545 recurrence rule (e.g. FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR)",
    };

    private static FieldSchema TimeZone => Text with
    {
        Format = text => text.Contains('/', StringComparison.Ordinal) && TimeZoneInfo.TryFindSystemTimeZoneById(text, out _) || text == "UTC"
            ? null
            : $"'{text}' is not an IANA time zone (e.g. Europe/London, America/New_York)",
    };
}
