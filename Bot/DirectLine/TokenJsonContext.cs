using System.Text.Json;
using System.Text.Json.Serialization;

namespace AuthorBot.Bot.DirectLine;

/// <summary>The token endpoint's request body.</summary>
internal sealed record TokenRequest(string? UserId);

/// <summary>The token endpoint's answer, in Direct Line's own field names.</summary>
internal sealed record TokenResponse(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("userId")] string UserId);

/// <summary>An error the page can show.</summary>
internal sealed record ErrorBody([property: JsonPropertyName("error")] string Error);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, AllowDuplicateProperties = false)]
[JsonSerializable(typeof(TokenRequest))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(ErrorBody))]
internal sealed partial class TokenJsonContext : JsonSerializerContext;
