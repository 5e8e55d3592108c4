using System.Text.Json.Serialization;

namespace AuthorBot.BotFramework.State;

/// <summary>The shape a <see cref="BotState"/> writes: its properties at the top level plus the ETag.</summary>
internal sealed class StateDocument : IStoreItem
{
    [JsonExtensionData]
    public Dictionary<string, object?> Values { get; init; } = [];

    public string? ETag { get; set; }
}
