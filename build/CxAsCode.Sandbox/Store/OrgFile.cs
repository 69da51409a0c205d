using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CxAsCode.Sandbox.Store;

/// <summary><c>&lt;DataDir&gt;/org.json</c> plus <c>org.journal.jsonl</c>. A write appends one line per
/// object it changed to the journal (so a write costs the same in a 50,000-object org as in a small one);
/// when the journal has grown past the org's size, the whole org is written to a temp file and renamed
/// over <c>org.json</c>, then the journal is emptied. Journal lines are whole objects, so replaying one
/// twice (a crash between the rename and the truncation) changes nothing, and a torn last line (a crash
/// mid-append) is ignored.</summary>
internal sealed class OrgFile(string dataDir)
{
    /// <summary>The journal is folded into org.json once it has more lines than this or than the org has
    /// objects, whichever is larger: the rewrite then costs O(1) per write on average.</summary>
    public const int MinimumJournalLines = 1000;

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetFullPath(dataDir), "org.json");

    public string JournalPath => System.IO.Path.ChangeExtension(Path, ".journal.jsonl");

    public bool Exists => File.Exists(Path);

    public int JournalLines { get; private set; }

    public Org Load(DateTimeOffset now)
    {
        try
        {
            var org = OrgJson.Read((JObject)Json.Parse(File.ReadAllText(Path)), now);
            JournalLines = ReplayJournal(org, now);
            org.Advance(now);
            return org;
        }
        catch (Exception ex) when (ex is JsonException or InvalidCastException or InvalidOperationException or FormatException)
        {
            throw new InvalidOperationException(
                $"{Path} is not a sandbox org file ({ex.Message}). Start with --reset to reseed it.", ex);
        }
    }

    /// <summary>Writes the whole org and empties the journal.</summary>
    public void Save(Org org, DateTimeOffset now)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var temp = Path + ".tmp";
        using (var stream = new StreamWriter(temp, append: false))
        using (var writer = new JsonTextWriter(stream) { Formatting = Formatting.Indented })
        {
            OrgJson.Write(org, writer, now);
            writer.Flush();
            stream.Write('\n');
        }

        File.Move(temp, Path, overwrite: true);
        File.WriteAllText(JournalPath, string.Empty);
        JournalLines = 0;
    }

    /// <summary>Appends the changes of one write; folds the journal into org.json when it is due.</summary>
    public void Append(Org org, IReadOnlyList<JObject> lines, DateTimeOffset now)
    {
        if (lines.Count == 0)
        {
            return;
        }

        using (var stream = new StreamWriter(JournalPath, append: true))
        {
            foreach (var line in lines)
            {
                stream.Write(line.ToString(Formatting.None));
                stream.Write('\n');
            }
        }

        JournalLines += lines.Count;
        if (JournalLines > Math.Max(MinimumJournalLines, org.ObjectCount))
        {
            Save(org, now);
        }
    }

    private int ReplayJournal(Org org, DateTimeOffset now)
    {
        if (!File.Exists(JournalPath))
        {
            return 0;
        }

        var lines = File.ReadAllLines(JournalPath).Where(l => l.Length > 0).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            JObject line;
            try
            {
                line = (JObject)Json.Parse(lines[i]);
            }
            catch (JsonException) when (i == lines.Count - 1)
            {
                break; // torn by a crash mid-append: that write never answered, so dropping it is honest
            }

            OrgJson.Replay(org, line, now);
        }

        return lines.Count;
    }
}
