using System.Text;
using System.Text.Json;
using CxAsCode.Json;
using CxAsCode.Resources;
using Newtonsoft.Json.Linq;

namespace CxAsCode.State;

/// <summary>
/// Reads one state or mappings file as strictly as a reviewer would: at most
/// <see cref="FieldLimits.StateFileMaxBytes"/> bytes, valid UTF-8, strict JSON (no comments, trailing
/// commas or single quotes), one JSON object, and no key twice in an object (Newtonsoft would silently
/// keep the last one, so what a reviewer read is not what would be sent).
/// </summary>
internal static partial class StateFileReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's object, or every problem found, each with its JSON path.</summary>
    public static (JObject? Content, IReadOnlyList<(string Path, string Message)> Problems) Read(string path)
    {
        var bytes = ReadAtMost(path, FieldLimits.StateFileMaxBytes);
        if (bytes is null)
        {
            return (null, [("$", $"the file is {new FileInfo(path).Length:N0} bytes; state and mappings files are limited to {FieldLimits.StateFileMaxBytes:N0} bytes (1 MiB) and are not read past that")]);
        }

        var json = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? bytes.AsMemory(Encoding.UTF8.Preamble.Length) : bytes.AsMemory();
        string text;
        try
        {
            text = StrictUtf8.GetString(json.Span);
        }
        catch (DecoderFallbackException e)
        {
            return (null, [("$", NotUtf8(json.Span, e.Index))]);
        }

        var problems = FindSyntaxErrorOrDuplicateKeys(json.Span);
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        try
        {
            return CanonicalJson.Parse(text) is JObject content ? (content, []) : (null, [("$", "expected a JSON object")]);
        }
        catch (Newtonsoft.Json.JsonReaderException e)
        {
            return (null, [("$", $"malformed JSON at line {e.LineNumber}, position {e.LinePosition}: {e.Message}")]);
        }
    }

    /// <summary>The file's bytes, or null when it holds more than <paramref name="limit"/> (read no further than that).</summary>
    private static byte[]? ReadAtMost(string path, int limit)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var buffer = new byte[Math.Min(stream.Length, limit) + 1];
        var read = 0;
        int chunk;
        while (read < buffer.Length && (chunk = stream.Read(buffer, read, buffer.Length - read)) > 0)
        {
            read += chunk;
        }

        // The length is checked on what was read, not on what the file system said before: a file that
        // grows while being read is still refused.
        return read > limit ? null : buffer[..read];
    }

    private static string NotUtf8(ReadOnlySpan<byte> bytes, int index)
    {
        var before = bytes[..Math.Clamp(index, 0, bytes.Length)];
        var line = before.Count((byte)'\n') + 1;
        var column = before.Length - before.LastIndexOf((byte)'\n');
        return $"not valid UTF-8 at line {line}, byte {column} (0x{bytes[Math.Clamp(index, 0, bytes.Length - 1)]:X2}); save the file as UTF-8";
    }

    private static string FirstSentence(string message) => message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0];

    private static List<(string Path, string Message)> MalformedJson(JsonException e) =>
        [("$", $"malformed JSON at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}: {FirstSentence(e.Message)}")];
}
