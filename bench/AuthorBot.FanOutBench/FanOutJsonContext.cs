using System.Text.Json.Serialization;

namespace AuthorBot.FanOutBench;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ChannelStats))]
internal sealed partial class FanOutJsonContext : JsonSerializerContext;
