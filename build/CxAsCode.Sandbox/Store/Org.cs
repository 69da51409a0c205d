using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Store;

/// <summary>The whole emulated org, in stored form: each object holds its own fields with references kept
/// as <c>{"id": …}</c> only. Views expand references on read, so renaming a division shows everywhere.</summary>
internal sealed class Org
{
    public const int FormatVersion = 1;

    /// <summary>The organization itself (<c>GET /api/v2/organizations/me</c>): its id is what plans and
    /// journals bind to, so it is random per org file and survives <c>/sandbox/reset</c> (same org, reseeded).</summary>
    public JObject Organization { get; set; } = NewOrganization();

    public List<JObject> Divisions { get; } = [];

    public List<JObject> Skills { get; } = [];

    public List<JObject> WrapupCodes { get; } = [];

    /// <summary>Queues; each also carries <c>wrapupCodes</c> (assigned code ids), which the views hide.</summary>
    public List<JObject> Queues { get; } = [];

    public JObject HomeDivision =>
        Divisions.FirstOrDefault(d => d.Value<bool?>("homeDivision") == true)
        ?? throw new InvalidOperationException("The org has no home division.");

    public static JObject? FindById(IEnumerable<JObject> items, string? id) =>
        id is null ? null : items.FirstOrDefault(o => string.Equals(o.Str("id"), id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Streams the org as JSON without copying it: the file is rewritten after every write, so
    /// a large benchmark org must not be cloned each time.</summary>
    public void WriteTo(JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("format");
        writer.WriteValue(FormatVersion);
        writer.WritePropertyName("organization");
        Organization.WriteTo(writer);
        WriteList(writer, "divisions", Divisions);
        WriteList(writer, "skills", Skills);
        WriteList(writer, "wrapupcodes", WrapupCodes);
        WriteList(writer, "queues", Queues);
        writer.WriteEndObject();
    }

    public static Org FromJson(JObject json)
    {
        var org = new Org();
        if (json["organization"] is JObject organization)
        {
            org.Organization = (JObject)organization.DeepClone();
        }

        Fill(org.Divisions, json["divisions"]);
        Fill(org.Skills, json["skills"]);
        Fill(org.WrapupCodes, json["wrapupcodes"]);
        Fill(org.Queues, json["queues"]);
        _ = org.HomeDivision;
        return org;
    }

    public static JObject NewOrganization() => new()
    {
        ["id"] = DeterministicId.NewRandom(),
        ["name"] = "Sandbox Energy Co",
    };

    private static void WriteList(JsonWriter writer, string name, List<JObject> items)
    {
        writer.WritePropertyName(name);
        writer.WriteStartArray();
        foreach (var item in items)
        {
            item.WriteTo(writer);
        }

        writer.WriteEndArray();
    }

    private static void Fill(List<JObject> target, JToken? source)
    {
        if (source is JArray array)
        {
            target.AddRange(array.OfType<JObject>().Select(o => (JObject)o.DeepClone()));
        }
    }
}
