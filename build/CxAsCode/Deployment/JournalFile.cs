using System.Text;
using CxAsCode.Json;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace CxAsCode.Deployment;

/// <summary>
/// The journal's on-disk form, <c>journal.jsonl</c>: a header line, then one JSON line per entry. Reading
/// tolerates exactly one kind of damage, the one a crash leaves: a final line cut off mid-write. Anything
/// else is an error naming the file and the line, because a journal that cannot be trusted must stop a
/// deploy or rollback rather than be half-read.
/// </summary>
public static class JournalFile
{
    private const string HeaderProperty = "header";

    internal static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        ContractResolver = new CamelCasePropertyNamesContractResolver(),
        NullValueHandling = NullValueHandling.Ignore,
        Converters = { new StringEnumConverter(new CamelCaseNamingStrategy()) },
        DateParseHandling = DateParseHandling.None,
    });

    /// <summary>One entry as its line (without the newline).</summary>
    public static string Line(JournalEntry entry) => JObject.FromObject(entry, Serializer).ToString(Formatting.None);

    /// <summary>The header as its line (without the newline).</summary>
    public static string Line(JournalHeader header) =>
        new JObject { [HeaderProperty] = JObject.FromObject(header, Serializer) }.ToString(Formatting.None);

    /// <summary>Reads a journal file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="name">How messages name the file (default <paramref name="path"/>), e.g. relative to the repository.</param>
    /// <exception cref="InvalidDataException">A line other than a torn final one is not a header or entry; the message names the file and line.</exception>
    public static JournalContent Read(string path, string? name = null)
    {
        var bytes = File.ReadAllBytes(path);
        var shown = name ?? path;
        var entries = new List<JournalEntry>();
        JournalHeader? header = null;
        var start = 0;
        for (var number = 1; start < bytes.Length; number++)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            var terminated = end >= 0;
            var length = (terminated ? end : bytes.Length) - start;
            var text = Encoding.UTF8.GetString(bytes, start, length).TrimEnd('\r');
            var parsed = TryParse(text, out var problem);
            if (parsed is null && !terminated)
            {
                // The process was killed while writing this line: the last thing it did, so nothing after
                // it depends on it. Its write (if it announced one) is settled by reading.
                return new JournalContent(header, entries) { TornLine = number, TornOffset = start, TornLength = length };
            }

            if (parsed is null)
            {
                throw new InvalidDataException($"{shown} line {number}: not a journal line ({problem}). Only a torn final line is tolerated; look at the file before deploying or rolling back again.");
            }

            if (parsed[HeaderProperty] is JObject headerJson)
            {
                header = number == 1 ? Convert<JournalHeader>(headerJson, shown, number) : throw new InvalidDataException($"{shown} line {number}: a second journal header; a journal holds one run.");
            }
            else
            {
                entries.Add(Convert<JournalEntry>(parsed, shown, number));
            }

            if (!terminated)
            {
                return new JournalContent(header, entries) { LastLineUnterminated = true };
            }

            start = end + 1;
        }

        return new JournalContent(header, entries);
    }

    private static JObject? TryParse(string text, out string problem)
    {
        problem = string.Empty;
        try
        {
            if (CanonicalJson.Parse(text) is JObject line)
            {
                return line;
            }

            problem = "not a JSON object";
        }
        catch (JsonException e)
        {
            problem = e.Message;
        }

        return null;
    }

    private static T Convert<T>(JObject json, string path, int number)
        where T : class
    {
        var what = typeof(T) == typeof(JournalHeader) ? "header" : "entry";
        T? value;
        try
        {
            value = json.ToObject<T>(Serializer);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} line {number}: not a journal {what} ({e.Message}).", e);
        }

        // Newtonsoft does not enforce C# `required`: a line missing one of them is not ours.
        var complete = value switch
        {
            JournalEntry entry => entry.Seq > 0 && entry.Kind is not null && entry.Key is not null && json["phase"] is not null && json["operation"] is not null,
            JournalHeader header => header is { Environment: not null, OrgId: not null, ApiHost: not null, RunId: not null, StartedAt: not null },
            _ => false,
        };
        return complete ? value! : throw new InvalidDataException($"{path} line {number}: not a journal {what} (a required field is missing).");
    }
}
