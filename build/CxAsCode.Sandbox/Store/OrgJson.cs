using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Store;

/// <summary>The org file's content. Format 2 (this one) adds the pending versions of objects some view has
/// not caught up with (<see cref="EntityJson"/>) and the queues marked as having conversations; format 1
/// files (every object settled) load unchanged.</summary>
internal static class OrgJson
{
    public const string QueuesWithConversationsKey = "queuesWithConversations";

    /// <summary>Streams the org as JSON without copying it: a large benchmark org must not be cloned.</summary>
    public static void Write(Org org, JsonWriter writer, DateTimeOffset now)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("format");
        writer.WriteValue(Org.FormatVersion);
        writer.WritePropertyName("organization");
        org.Organization.WriteTo(writer);
        writer.WritePropertyName("divisions");
        new JArray(org.Divisions).WriteTo(writer);
        foreach (var table in org.Tables)
        {
            writer.WritePropertyName(table.Kind);
            writer.WriteStartArray();
            foreach (var entity in table.Entities)
            {
                EntityJson.ToJson(entity, now).WriteTo(writer);
            }

            writer.WriteEndArray();
        }

        writer.WritePropertyName(QueuesWithConversationsKey);
        new JArray(org.QueuesWithConversations.Order(StringComparer.Ordinal)).WriteTo(writer);
        writer.WriteEndObject();
    }

    public static Org Read(JObject json, DateTimeOffset now)
    {
        var format = json.Value<int?>("format") ?? 1;
        if (format is < 1 or > Org.FormatVersion)
        {
            throw new InvalidOperationException($"org file format {format} is not one this sandbox reads (1 to {Org.FormatVersion}).");
        }

        var org = new Org();
        if (json["organization"] is JObject organization)
        {
            org.Organization = (JObject)organization.DeepClone();
        }

        foreach (var division in Items(json["divisions"]))
        {
            org.AddDivision((JObject)division.DeepClone());
        }

        foreach (var table in org.Tables)
        {
            foreach (var item in Items(json[table.Kind]))
            {
                Load(org, table, EntityJson.FromJson(item), now);
            }
        }

        ReplaceQueuesWithConversations(org, json[QueuesWithConversationsKey]);
        _ = org.HomeDivision;
        org.Advance(now);
        return org;
    }

    /// <summary>Applies one journal line (see <see cref="OrgFile"/>) to an org being loaded.</summary>
    public static void Replay(Org org, JObject line, DateTimeOffset now)
    {
        if (line.Str("kind") is { } kind)
        {
            var table = org.Tables.SingleOrDefault(t => t.Kind == kind)
                ?? throw new InvalidOperationException($"The journal names an unknown kind '{kind}'.");
            if (line["item"] is JObject item)
            {
                Load(org, table, EntityJson.FromJson(item), now);
            }
            else if (line.Str("removed") is { } id)
            {
                if (table == org.Queues)
                {
                    org.IndexQueueCodes(id, org.Queues.Current(id), null);
                }

                table.Forget(id);
            }
        }
        else if (line.ContainsKey(QueuesWithConversationsKey))
        {
            ReplaceQueuesWithConversations(org, line[QueuesWithConversationsKey]);
        }
    }

    /// <summary>A journal line for an object a write changed: its whole new form, or <c>removed</c>.</summary>
    public static JObject JournalLine(KindTable table, string id, Entity? entity, DateTimeOffset now) => entity is null
        ? new JObject { ["kind"] = table.Kind, ["removed"] = id }
        : new JObject { ["kind"] = table.Kind, ["item"] = EntityJson.ToJson(entity, now) };

    public static JObject JournalLine(Org org) =>
        new() { [QueuesWithConversationsKey] = new JArray(org.QueuesWithConversations.Order(StringComparer.Ordinal)) };

    private static void Load(Org org, KindTable table, Entity entity, DateTimeOffset now)
    {
        if (table == org.Queues)
        {
            org.IndexQueueCodes(entity.Id, org.Queues.Current(entity.Id), entity.Current);
        }

        table.Load(entity, now);
    }

    private static void ReplaceQueuesWithConversations(Org org, JToken? ids)
    {
        org.QueuesWithConversations.Clear();
        foreach (var id in (ids as JArray ?? []).Select(t => (string?)t).OfType<string>())
        {
            org.QueuesWithConversations.Add(id);
        }
    }

    private static IEnumerable<JObject> Items(JToken? token) => token is JArray array ? array.OfType<JObject>() : [];
}
