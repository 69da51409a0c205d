using System.Text.Json;
using CxAsCode.Validation;

namespace CxAsCode.State;

/// <summary>One pass of System.Text.Json's strict reader: the syntax, and every key given twice in one object.</summary>
internal static partial class StateFileReader
{
    private static List<(string Path, string Message)> FindSyntaxErrorOrDuplicateKeys(ReadOnlySpan<byte> json)
    {
        var duplicates = new List<(string Path, string Message)>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false });
        var open = new Stack<Container>();
        string? property = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = reader.GetString()!;
                        var owner = open.Peek();
                        if (!owner.Keys!.Add(property))
                        {
                            duplicates.Add((JsonPathText.Field(owner.Path, property), $"the key '{property}' appears more than once in this object; JSON readers keep only one of them, so give it once"));
                        }

                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        var path = Here(open, property);
                        open.Push(reader.TokenType == JsonTokenType.StartObject ? new Container(path, new HashSet<string>(StringComparer.Ordinal)) : new Container(path, null));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        open.Pop();
                        Advance(open);
                        break;
                    default:
                        Advance(open);
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            return MalformedJson(e);
        }

        return duplicates;
    }

    /// <summary>The path of the value about to be read.</summary>
    private static string Here(Stack<Container> open, string? property) => open.TryPeek(out var parent)
        ? parent.Keys is null ? JsonPathText.Item(parent.Path, parent.Index) : JsonPathText.Field(parent.Path, property!)
        : JsonPathText.Root;

    /// <summary>A value ended: in an array, the next one has the next index.</summary>
    private static void Advance(Stack<Container> open)
    {
        if (open.TryPeek(out var parent) && parent.Keys is null)
        {
            parent.Index++;
        }
    }

    /// <summary>An object (with the keys seen so far) or an array (with the index of its next item) being read.</summary>
    private sealed class Container(string path, HashSet<string>? keys)
    {
        public string Path { get; } = path;

        public HashSet<string>? Keys { get; } = keys;

        public int Index { get; set; }
    }
}
