namespace CxAsCode.Deployment;

/// <summary>
/// The write-ahead journal: a header saying where its writes go, then one JSON line per intent, outcome
/// and compensation, flushed to disk before the next step, so a crash leaves a readable record of what
/// may have changed (<see cref="JournalFile"/> is the format).
/// </summary>
public sealed class Journal : IDisposable
{
    private readonly Lock _gate = new();
    private readonly FileStream _stream;
    private readonly StreamWriter _writer;
    private readonly List<JournalEntry> _entries;
    private int _lastSeq;

    private Journal(string path, JournalHeader? header, List<JournalEntry> existing, FileStream stream)
    {
        Path = path;
        Header = header;
        _entries = existing;
        _lastSeq = existing.Count == 0 ? 0 : existing.Max(e => e.Seq);
        _stream = stream;
        _writer = new StreamWriter(_stream) { NewLine = "\n" };
    }

    public string Path { get; }

    /// <summary>Where this journal's writes went; null for a journal written without one.</summary>
    public JournalHeader? Header { get; }

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

    /// <summary>Starts a new journal whose first line is <paramref name="header"/>; refuses to reuse an existing file.</summary>
    public static Journal Create(string path, JournalHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var journal = new Journal(path, header, [], new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read));
        journal.WriteLine(JournalFile.Line(header));
        return journal;
    }

    /// <summary>
    /// Opens an existing journal for appending (a resumed rollback, settling an interrupted deploy). A torn
    /// final line is cut off first, so no entry is ever appended behind a fragment; <paramref name="notice"/>
    /// is told, naming the file and line.
    /// </summary>
    /// <param name="path">The journal file.</param>
    /// <param name="notice">Told of any repair, in a sentence naming the file and line.</param>
    /// <param name="name">How messages name the file (default <paramref name="path"/>).</param>
    /// <exception cref="InvalidDataException">The file is damaged other than by a torn final line.</exception>
    public static Journal Open(string path, Action<string>? notice = null, string? name = null)
    {
        var content = JournalFile.Read(path, name);
        name ??= path;
        var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read);
        if (content.TornLine is { } line)
        {
            stream.SetLength(content.TornOffset);
            notice?.Invoke($"{name} line {line} was cut off while it was being written (the process stopped): removed that {content.TornLength}-byte fragment before appending; the write it recorded is settled by reading the org.");
        }

        stream.Seek(0, SeekOrigin.End);
        var journal = new Journal(path, content.Header, [.. content.Entries], stream);
        if (content.LastLineUnterminated)
        {
            journal.WriteLine(string.Empty); // end the complete last line so the next entry starts its own
            notice?.Invoke($"{name} line {content.Entries.Count + (content.Header is null ? 0 : 1)} had no line end (the process stopped right after writing it): ended it before appending.");
        }

        return journal;
    }

    /// <summary>The entries of a journal file, tolerating a torn final line (see <see cref="JournalFile.Read"/>).</summary>
    public static List<JournalEntry> Read(string path) => [.. JournalFile.Read(path).Entries];

    public int NextSeq() => Interlocked.Increment(ref _lastSeq);

    /// <summary>Appends one entry and flushes it to the disk before returning.</summary>
    public void Append(JournalEntry entry)
    {
        var line = JournalFile.Line(entry);
        lock (_gate)
        {
            WriteLine(line);
            _entries.Add(entry);
        }
    }

    public void Dispose()
    {
        _writer.Dispose();
        _stream.Dispose();
    }

    private void WriteLine(string line)
    {
        _writer.WriteLine(line);
        _writer.Flush();
        _stream.Flush(flushToDisk: true);
    }
}
