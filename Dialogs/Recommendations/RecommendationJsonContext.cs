using System.Text.Json.Serialization;

namespace AuthorBot.Dialogs.Recommendations;

/// <summary>Source-generated JSON for card button payloads (no reflection, so trimming keeps working).</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class RecommendationJsonContext : JsonSerializerContext;
