using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AuthorBot.BotFramework.Schema;

/// <summary>
/// Reads the timestamp shapes seen in real traffic (ISO 8601 with <c>Z</c>, <c>+00:00</c>, 7-digit fractions,
/// no offset = UTC). Writes ISO 8601 with every significant fraction digit: UTC as <c>Z</c> (what the activity
/// spec asks for), any other offset kept as <c>±hh:mm</c> (localTimestamp).
/// </summary>
internal sealed class LenientDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    private const int MaxTimestampLength = 64;
    private const string UtcFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'";
    private const string OffsetFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFzzz";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a date-time string but found {reader.TokenType}.");
        }

        if (reader.TryGetDateTimeOffset(out var value))
        {
            return value;
        }

        var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        if (length > MaxTimestampLength)
        {
            throw new JsonException("Date-time string is too long.");
        }

        Span<char> chars = stackalloc char[MaxTimestampLength];
        var written = reader.CopyString(chars);
        if (DateTimeOffset.TryParse(
                chars[..written],
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces,
                out value))
        {
            return value;
        }

        throw new JsonException($"'{chars[..written].ToString()}' is not a valid date-time.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        var format = value.Offset == TimeSpan.Zero ? UtcFormat : OffsetFormat;
        Span<byte> buffer = stackalloc byte[MaxTimestampLength];
        if (value.TryFormat(buffer, out var written, format, CultureInfo.InvariantCulture))
        {
            writer.WriteStringValue(buffer[..written]);
            return;
        }

        writer.WriteStringValue(value.ToString(format, CultureInfo.InvariantCulture));
    }
}
