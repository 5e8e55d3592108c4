using System.Text.Json.Serialization;

namespace AuthorBot.Bot.Announcements;

/// <summary>Source-generated JSON for the channelData the renderer attaches.</summary>
[JsonSerializable(typeof(Dictionary<string, Dictionary<string, string>>))]
internal sealed partial class AnnouncementRenderJsonContext : JsonSerializerContext;
