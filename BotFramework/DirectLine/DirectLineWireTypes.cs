using System.Text.Json.Serialization;

namespace AuthorBot.BotFramework.DirectLine;

/// <summary>The Direct Line <c>Conversation</c> object (start, reconnect, token calls).</summary>
internal sealed class ConversationResponse
{
    [JsonPropertyName("conversationId")]
    public string ConversationId { get; set; } = "";

    [JsonPropertyName("token")]
    public string? Token { get; set; }

    [JsonPropertyName("expires_in")]
    public int ExpiresIn { get; set; }

    [JsonPropertyName("streamUrl")]
    public string? StreamUrl { get; set; }

    [JsonPropertyName("referenceGrammarId")]
    public string? ReferenceGrammarId { get; set; }
}

/// <summary>The <c>ResourceResponse</c> answered to a post.</summary>
internal sealed class ResourceIdResponse
{
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";
}

/// <summary>The Direct Line <c>ErrorResponse</c>: <c>{"error":{"code":..,"message":..}}</c>.</summary>
internal sealed class DirectLineErrorResponse
{
    [JsonPropertyName("error")]
    public DirectLineErrorBody Error { get; set; } = new();
}

/// <summary>The inner <c>Error</c> object.</summary>
internal sealed class DirectLineErrorBody
{
    [JsonPropertyName("code")]
    public string Code { get; set; } = "";

    [JsonPropertyName("message")]
    public string Message { get; set; } = "";
}

/// <summary>The optional body of <c>tokens/generate</c> and <c>POST conversations</c>.</summary>
internal sealed class TokenParameters
{
    [JsonPropertyName("user")]
    public TokenUser? User { get; set; }

    [JsonPropertyName("locale")]
    public string? Locale { get; set; }
}

/// <summary>A <c>ChannelAccount</c> as far as these calls use it.</summary>
internal sealed class TokenUser
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }
}
