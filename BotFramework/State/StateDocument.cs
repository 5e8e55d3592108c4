using System.Text.Json.Serialization;

namespace AuthorBot.BotFramework.State;

/// <summary>The shape a <see cref="BotState"/> writes: its properties at the top level plus the ETag.</summary>
internal sealed class StateDocument : IStoreItem
{
    [JsonExtensionData]
    public Dictionary<string, object?> Values { get; init; } = [];

    public string? ETag { get; set; }

    /// <summary>The values as JSON when the caller already serialized them with <see cref="StateJson.Options"/>.</summary>
    [JsonIgnore]
    public string? Json { get; init; }
}
