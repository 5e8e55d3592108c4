using System.Text.Json;

namespace AuthorBot.Dialogs.Content;

/// <summary>
/// The line each value of a JSON document starts on, by path ("events[1].startsAt"), so validation that runs after
/// deserialization can still point the author at the line to fix.
/// </summary>
internal sealed class JsonLineMap
{
    private readonly Dictionary<string, int> _lines;

    private JsonLineMap(Dictionary<string, int> lines) => _lines = lines;

    /// <summary>Walks the document once; call it only on JSON that already parsed.</summary>
    public static JsonLineMap Build(ReadOnlySpan<byte> json)
    {
        var newlines = new List<long>();
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] == (byte)'\n')
            {
                newlines.Add(i);
            }
        }

        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var frames = new List<Frame>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        while (reader.Read())
        {
            var line = LineAt(newlines, reader.TokenStartIndex);
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    var top = frames[^1];
                    top.Property = reader.GetString();
                    lines.TryAdd(Child(top.Path, top.Property!), line);
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    var path = frames.Count == 0 ? string.Empty : ValuePath(frames[^1]);
                    lines.TryAdd(path, line);
                    frames.Add(new Frame(path, reader.TokenType == JsonTokenType.StartArray));
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    frames.RemoveAt(frames.Count - 1);
                    break;
                default:
                    if (frames.Count > 0 && frames[^1].IsArray)
                    {
                        lines.TryAdd(ValuePath(frames[^1]), line);
                    }

                    break;
            }
        }

        return new JsonLineMap(lines);
    }

    /// <summary>The 1-based line of the value at <paramref name="path"/>, or of its nearest enclosing value when it is absent.</summary>
    public int LineOf(string path)
    {
        var current = path;
        while (true)
        {
            if (_lines.TryGetValue(current, out var line))
            {
                return line;
            }

            var cut = Math.Max(current.LastIndexOf('.'), current.LastIndexOf('['));
            if (cut <= 0)
            {
                return _lines.GetValueOrDefault(string.Empty, 1);
            }

            current = current[..cut];
        }
    }

    private static string ValuePath(Frame frame)
    {
        if (frame.IsArray)
        {
            frame.Index++;
            return $"{frame.Path}[{frame.Index}]";
        }

        return Child(frame.Path, frame.Property ?? string.Empty);
    }

    private static string Child(string parent, string property) => parent.Length == 0 ? property : parent + "." + property;

    private static int LineAt(List<long> newlines, long offset)
    {
        var index = newlines.BinarySearch(offset);
        return (index >= 0 ? index : ~index) + 1;
    }

    private sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public int Index { get; set; } = -1;

        public string? Property { get; set; }
    }
}
