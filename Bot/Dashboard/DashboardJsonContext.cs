using System.Text.Json;
using System.Text.Json.Serialization;
using AuthorBot.Bot.Announcements;

namespace AuthorBot.Bot.Dashboard;

/// <summary>Source-generated JSON for the dashboard's endpoints.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DashboardOverview))]
[JsonSerializable(typeof(DashboardAnnouncement))]
[JsonSerializable(typeof(List<AnnouncementPreview>))]
[JsonSerializable(typeof(ApiError))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;
