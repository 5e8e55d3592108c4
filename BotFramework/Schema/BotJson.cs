using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AuthorBot.BotFramework.Schema;

/// <summary>Reads and writes Bot Framework JSON without reflection (source-generated <see cref="BotJsonContext"/>).</summary>
public static class BotJson
{
    /// <summary>Maximum JSON nesting accepted; deeper input is rejected rather than parsed.</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// Maximum nesting of a request body. Lower than <see cref="MaxDepth"/> because what arrives is kept inside other
    /// documents (a Direct Line log chunk, a state record) that add their own levels, and a body that fitted on the way
    /// in must still fit when it is read back. Real channel payloads, cards included, stay far below it.
    /// </summary>
    public const int MaxInboundDepth = 32;

    /// <summary>The options behind <see cref="BotJsonContext.Default"/> (camelCase, nulls omitted).</summary>
    public static JsonSerializerOptions Options => BotJsonContext.Default.Options;

    /// <summary>Parses an activity from UTF-8 JSON, skipping a leading byte-order mark.</summary>
    /// <exception cref="JsonException">The input is not valid JSON, too deep, or not an object.</exception>
    public static Activity? DeserializeActivity(ReadOnlySpan<byte> utf8Json) =>
        Deserialize(utf8Json, BotJsonContext.Default.Activity);

    /// <summary>Parses a value from UTF-8 JSON with the given source-generated metadata, skipping a leading BOM.</summary>
    public static T? Deserialize<T>(ReadOnlySpan<byte> utf8Json, JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.Deserialize(SkipBom(utf8Json), typeInfo);

    /// <summary>Parses a value from JSON text with the given source-generated metadata, skipping a leading BOM.</summary>
    public static T? Deserialize<T>(string json, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json.AsSpan().TrimStart('\uFEFF'), typeInfo);
    }

    /// <summary>Writes an activity as UTF-8 JSON.</summary>
    public static byte[] SerializeToUtf8Bytes(Activity activity) =>
        JsonSerializer.SerializeToUtf8Bytes(activity, BotJsonContext.Default.Activity);

    /// <summary>Writes an activity as JSON text.</summary>
    public static string Serialize(Activity activity) =>
        JsonSerializer.Serialize(activity, BotJsonContext.Default.Activity);

    /// <summary>Removes a UTF-8 byte-order mark, which some channels' payloads start with.</summary>
    public static ReadOnlySpan<byte> SkipBom(ReadOnlySpan<byte> utf8Json) =>
        utf8Json.StartsWith("\uFEFF"u8) ? utf8Json[3..] : utf8Json;
}
