using System.Text.Json;
using System.Text.Json.Serialization;

namespace AuthorBot.Bot.Announcements;

/// <summary>Source-generated JSON for the announcements API; unknown fields and duplicate keys are an error so typos are not silently ignored.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(AnnouncementRequest))]
[JsonSerializable(typeof(AnnouncementProgress))]
[JsonSerializable(typeof(AnnouncementResults))]
[JsonSerializable(typeof(ApiError))]
[JsonSerializable(typeof(List<QuizQuestionListing>))]
internal sealed partial class AnnouncementJsonContext : JsonSerializerContext;
