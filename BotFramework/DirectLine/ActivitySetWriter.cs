using System.Buffers;
using System.Text.Json;

namespace AuthorBot.BotFramework.DirectLine;

/// <summary>
/// Builds <c>{"activities":[...],"watermark":"N"}</c> from already-serialized activities, so an
/// activity is serialized once and the same bytes go to every socket and poller.
/// </summary>
internal static class ActivitySetWriter
{
    /// <summary>The ActivitySet as UTF-8 JSON. The watermark is written as a string: the client ignores a falsy one.</summary>
    public static byte[] Write(IReadOnlyList<byte[]> activities, long watermark)
    {
        var size = 48;
        foreach (var activity in activities)
        {
            size += activity.Length + 1;
        }

        var buffer = new ArrayBufferWriter<byte>(size);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("activities");
            foreach (var activity in activities)
            {
                writer.WriteRawValue(activity, skipInputValidation: true);
            }

            writer.WriteEndArray();
            writer.WriteString("watermark", watermark.ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
