using System.Text.Json;

namespace AuthorBot.BotFramework.Schema;

/// <summary>The error a channel's own API returned to the Connector service.</summary>
public class InnerHttpError
{
    /// <summary>The channel API's HTTP status.</summary>
    public int? StatusCode { get; set; }

    /// <summary>The channel API's response body.</summary>
    public JsonElement? Body { get; set; }
}
