using System.Text.Json;
using System.Text.Json.Serialization;

namespace AuthorBot.Bot.Understanding;

/// <summary>Source-generated JSON for the understanding API; unknown fields are an error so typos are not silently ignored.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<MissView>))]
[JsonSerializable(typeof(MissView))]
[JsonSerializable(typeof(LabelRequest))]
[JsonSerializable(typeof(List<InboxView>))]
[JsonSerializable(typeof(InboxView))]
[JsonSerializable(typeof(IntentList))]
[JsonSerializable(typeof(UnderstandingError))]
internal sealed partial class UnderstandingJsonContext : JsonSerializerContext;
