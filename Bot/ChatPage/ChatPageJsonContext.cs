using System.Text.Json;
using System.Text.Json.Serialization;

namespace AuthorBot.Bot.ChatPage;

/// <summary>Source-generated JSON for the chat page's branding.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ChatBranding))]
internal sealed partial class ChatPageJsonContext : JsonSerializerContext;
