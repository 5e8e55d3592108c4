using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AuthorBot.BotFramework.DirectLine;

/// <summary>Source-generated JSON metadata for the Direct Line wire and storage shapes.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, MaxDepth = 64, AllowDuplicateProperties = false)]
[JsonSerializable(typeof(ConversationResponse))]
[JsonSerializable(typeof(ResourceIdResponse))]
[JsonSerializable(typeof(DirectLineErrorResponse))]
[JsonSerializable(typeof(TokenParameters))]
[JsonSerializable(typeof(ConversationLogHead))]
[JsonSerializable(typeof(StoredAttachment))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class DirectLineJsonContext : JsonSerializerContext;
