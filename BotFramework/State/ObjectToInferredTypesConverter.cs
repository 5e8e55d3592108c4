using System.Text.Json;
using System.Text.Json.Serialization;

namespace AuthorBot.BotFramework.State;

/// <summary>
/// Reads JSON into <see cref="object"/> slots as natural CLR values (string, long, double, bool, null,
/// Dictionary&lt;string, object?&gt;, List&lt;object?&gt;) instead of JsonElement; see <see cref="StateJson"/> for why.
/// </summary>
internal sealed class ObjectToInferredTypesConverter : JsonConverter<object>
{
    public override object? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartArray:
                var list = new List<object?>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    list.Add(Read(ref reader, typeof(object), options));
                }

                return list;
            case JsonTokenType.StartObject:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    map[name] = Read(ref reader, typeof(object), options);
                }

                return map;
            default:
                return ReadScalar(ref reader);
        }
    }

    /// <summary>Reads a string, number, boolean or null as its natural .NET value (long before double).</summary>
    /// <param name="reader">The reader, positioned on the value.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The token is not a scalar value.</exception>
    internal static object? ReadScalar(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                // Two returns, not a conditional expression: "? long : double" would widen every integer to double.
                if (reader.TryGetInt64(out var whole))
                {
                    return whole;
                }

                return reader.GetDouble();
            case JsonTokenType.String:
                return reader.GetString();
            default:
                throw new JsonException($"Unexpected JSON token {reader.TokenType} in stored state.");
        }
    }

    public override void Write(Utf8JsonWriter writer, object value, JsonSerializerOptions options)
    {
        var type = value.GetType();
        if (type == typeof(object))
        {
            // A bare object has no members; serializing it by its runtime type would recurse into this converter.
            writer.WriteStartObject();
            writer.WriteEndObject();
            return;
        }

        JsonSerializer.Serialize(writer, value, type, options);
    }
}
