using System.Collections.Concurrent;
using Newtonsoft.Json;

namespace CxAsCode.Json;

/// <summary>
/// One string per distinct property name across every parse of a run. A 10,000-object org repeats the same few
/// hundred field names about a million times over its state files and API pages; without this each occurrence
/// is a string of its own (tens of megabytes), with it each is a reference. Thread-safe, because responses are
/// parsed concurrently (Newtonsoft's <c>DefaultJsonNameTable</c> is not); bounded, so an API answering with
/// ever-new keys cannot grow it without limit (names past the bound are simply not shared).
/// </summary>
internal sealed class SharedPropertyNames : JsonNameTable
{
    private const int MaxNames = 20_000;
    private const int MaxNameLength = 128;
    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    private SharedPropertyNames() => _bySpan = _names.GetAlternateLookup<ReadOnlySpan<char>>();

    public static SharedPropertyNames Instance { get; } = new();

    public override string? Get(char[] key, int start, int length)
    {
        var span = key.AsSpan(start, length);
        if (_bySpan.TryGetValue(span, out var name))
        {
            return name;
        }

        if (length > MaxNameLength || _names.Count >= MaxNames)
        {
            return null; // the reader allocates this one itself
        }

        var created = span.ToString();
        return _names.GetOrAdd(created, created);
    }
}
