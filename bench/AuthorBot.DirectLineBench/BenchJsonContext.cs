using System.Text.Json.Serialization;

namespace AuthorBot.DirectLineBench;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(BenchStats))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;

/// <summary>Memory figures for the idle-socket measurement.</summary>
internal sealed record BenchStats(long ManagedBytes, long WorkingSetBytes);
