using System.Text.Json;
using System.Text.Json.Serialization;
using AuthorBot.BotFramework.State;

namespace AuthorBot.BotFramework.Dialogs;

/// <summary>
/// Reads a dialog's state with nested objects and arrays left as JSON until a dialog asks for them by type.
/// </summary>
/// <remarks>
/// A component dialog keeps its inner stack inside its own state, so a conversation three dialogs deep used to be
/// turned into dictionaries on load and then, level by level, serialized and parsed again into typed objects on every
/// turn. Left as <see cref="JsonElement"/>, each level is parsed once, into its type, and only when it is reached;
/// <see cref="DialogStateExtensions.GetValue{T}"/> converts either form.
/// </remarks>
internal sealed class DialogInstanceStateConverter : JsonConverter<IDictionary<string, object?>>
{
    public override IDictionary<string, object?> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var state = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (reader.TokenType == JsonTokenType.Null)
        {
            return state;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A dialog's state must be a JSON object, not {reader.TokenType}.");
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            state[name] = reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray
                ? JsonElement.ParseValue(ref reader)
                : ObjectToInferredTypesConverter.ReadScalar(ref reader);
        }

        return state;
    }

    public override void Write(Utf8JsonWriter writer, IDictionary<string, object?> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (name, item) in value)
        {
            writer.WritePropertyName(name);
            switch (item)
            {
                case null:
                    writer.WriteNullValue();
                    break;
                case JsonElement element:
                    element.WriteTo(writer);
                    break;
                default:
                    JsonSerializer.Serialize(writer, item, item.GetType(), options);
                    break;
            }
        }

        writer.WriteEndObject();
    }
}
