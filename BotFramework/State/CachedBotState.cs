using System.Text.Json;

namespace AuthorBot.BotFramework.State;

/// <summary>One turn's copy of a state document: its properties, the ETag it was read with, and its JSON at load (to skip saving unchanged state).</summary>
internal sealed class CachedBotState
{
    public CachedBotState(Dictionary<string, object?> values, string eTag)
    {
        Values = values;
        ETag = eTag;
        Snapshot = Serialize(values);
    }

    /// <summary>Property values: JsonElement until first read, then the typed object the accessor handed out.</summary>
    public Dictionary<string, object?> Values { get; }

    public string ETag { get; set; }

    public string Snapshot { get; set; }

    public static string Serialize(Dictionary<string, object?> values) => JsonSerializer.Serialize(values, StateJson.Options);
}
