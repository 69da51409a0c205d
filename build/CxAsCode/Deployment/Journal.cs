using CxAsCode.Json;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace CxAsCode.Deployment;

/// <summary>
/// The write-ahead journal: one JSON line per intent, outcome and compensation, flushed to disk before the
/// next step, so a crash leaves a readable record of what may have changed.
/// </summary>
public sealed class Journal : IDisposable
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        ContractResolver = new CamelCasePropertyNamesContractResolver(),
        NullValueHandling = NullValueHandling.Ignore,
        Converters = { new StringEnumConverter(new CamelCaseNamingStrategy()) },
        DateParseHandling = DateParseHandling.None,
    });

    private readonly Lock _gate = new();
    private readonly FileStream _stream;
    private readonly StreamWriter _writer;
    private readonly List<JournalEntry> _entries;
    private int _lastSeq;

    private Journal(string path, List<JournalEntry> existing)
    {
        Path = path;
        _entries = existing;
        _lastSeq = existing.Count == 0 ? 0 : existing.Max(e => e.Seq);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        _stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        _writer = new StreamWriter(_stream) { NewLine = "\n" };
    }

    public string Path { get; }

    public IReadOnlyList<JournalEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>Opens a journal for appending, reading what it already holds (a resumed rollback).</summary>
    public static Journal Open(string path) => new(path, File.Exists(path) ? Read(path) : []);

    /// <summary>Reads a journal file; a torn last line (crash mid-write) is ignored.</summary>
    public static List<JournalEntry> Read(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        var entries = new List<JournalEntry>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            try
            {
                entries.Add(CanonicalJson.Parse(lines[i]).ToObject<JournalEntry>(Serializer)!);
            }
            catch (JsonException) when (i == lines.Count - 1)
            {
                break; // the process died while writing this line: the write it announces is still pending
            }
        }

        return entries;
    }

    public int NextSeq() => Interlocked.Increment(ref _lastSeq);

    /// <summary>Appends one entry and flushes it to the disk before returning.</summary>
    public void Append(JournalEntry entry)
    {
        var line = JObject.FromObject(entry, Serializer).ToString(Formatting.None);
        lock (_gate)
        {
            _writer.WriteLine(line);
            _writer.Flush();
            _stream.Flush(flushToDisk: true);
            _entries.Add(entry);
        }
    }

    public void Dispose()
    {
        _writer.Dispose();
        _stream.Dispose();
    }
}
