using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AuthorBot.BotFramework.State;

namespace AuthorBot.BotFramework.DirectLine;

/// <summary>
/// Keeps conversation logs in the bot's <see cref="IStorage"/>: one small head document per
/// conversation plus chunks of <see cref="DirectLineConversation.ChunkSize"/> activities, so a new
/// message rewrites one chunk rather than the whole history.
/// </summary>
internal sealed class DirectLineLogStore(IStorage storage)
{
    // Not "directline/conversations/{id}": that is where ConversationState keeps the bot's own state for the same
    // conversation in the same storage (Bot Builder's "{channelId}/conversations/{id}" key), and the log overwrote it.
    private const string Prefix = "directline/log/";

    public async Task<DirectLineConversation?> LoadAsync(string conversationId, CancellationToken cancellationToken)
    {
        var head = await LoadHeadAsync(conversationId, cancellationToken).ConfigureAwait(false);
        return head is null ? null : DirectLineConversation.Restore(head, await LoadEntriesAsync(head, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The conversation's head document alone (one small read), or null when the conversation is not stored.</summary>
    public async Task<ConversationLogHead?> LoadHeadAsync(string conversationId, CancellationToken cancellationToken)
    {
        var headKey = HeadKey(conversationId);
        var found = await storage.ReadAsync([headKey], cancellationToken).ConfigureAwait(false);
        if (!found.TryGetValue(headKey, out var headValue) || headValue is not JsonElement headElement)
        {
            return null;
        }

        var head = headElement.Deserialize(DirectLineJsonContext.Default.ConversationLogHead);
        return head is null || head.ConversationId != conversationId ? null : head;
    }

    /// <summary>
    /// The activities of the chunks <paramref name="head"/> lists. Chunks read after the head can be newer than it (a
    /// writer on another instance committed in between); entries past the head's last sequence are left out, so the
    /// log and its watermark agree, and the next read picks them up.
    /// </summary>
    public async Task<List<ConversationLogEntry>> LoadEntriesAsync(ConversationLogHead head, CancellationToken cancellationToken)
    {
        var entries = new List<ConversationLogEntry>();
        if (head.Chunks.Count > 0)
        {
            var chunkKeys = head.Chunks.Select(c => ChunkKey(head.ConversationId, c)).ToArray();
            var chunks = await storage.ReadAsync(chunkKeys, cancellationToken).ConfigureAwait(false);
            foreach (var key in chunkKeys)
            {
                if (chunks.TryGetValue(key, out var chunk) && chunk is JsonElement element)
                {
                    ReadChunk(element, entries);
                }
            }
        }

        entries.RemoveAll(e => e.Sequence > head.LastSequence);
        return entries;
    }

    public async Task SaveAsync(ConversationSnapshot snapshot, CancellationToken cancellationToken)
    {
        var id = snapshot.Head.ConversationId;
        var changes = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [HeadKey(id)] = JsonSerializer.SerializeToElement(snapshot.Head, DirectLineJsonContext.Default.ConversationLogHead),
        };
        var deleted = new List<string>();
        foreach (var (chunk, entries) in snapshot.Chunks)
        {
            if (entries is null)
            {
                deleted.Add(ChunkKey(id, chunk));
            }
            else
            {
                changes[ChunkKey(id, chunk)] = WriteChunk(entries);
            }
        }

        // Writes are unconditional ("*"): one process owns a conversation's log, or, with the log shared between
        // instances, the writer holds the conversation's lock (DirectLineSharedLog).
        await storage.WriteAsync(changes, cancellationToken).ConfigureAwait(false);
        if (deleted.Count > 0)
        {
            await storage.DeleteAsync([.. deleted], cancellationToken).ConfigureAwait(false);
        }
    }

    private static string HeadKey(string conversationId) => Prefix + conversationId;

    private static string ChunkKey(string conversationId, long chunk) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{conversationId}/chunk/{chunk}");

    private static JsonElement WriteChunk(IReadOnlyList<ConversationLogEntry> entries)
    {
        var buffer = new ArrayBufferWriter<byte>(entries.Sum(e => e.Json.Length + 96) + 32);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("entries");
            foreach (var entry in entries)
            {
                writer.WriteStartObject();
                writer.WriteNumber("seq", entry.Sequence);
                writer.WriteString("id", entry.Id);
                writer.WriteString("ts", entry.Timestamp);
                if (entry.SourceId is not null)
                {
                    writer.WriteString("src", entry.SourceId);
                }
                writer.WritePropertyName("activity");
                writer.WriteRawValue(entry.Json, skipInputValidation: true);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return JsonSerializer.Deserialize(buffer.WrittenSpan, DirectLineJsonContext.Default.JsonElement);
    }

    private static void ReadChunk(JsonElement chunk, List<ConversationLogEntry> entries)
    {
        if (!chunk.TryGetProperty("entries", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var item in list.EnumerateArray())
        {
            if (item.TryGetProperty("seq", out var seq) && seq.TryGetInt64(out var sequence)
                && item.TryGetProperty("id", out var id) && id.GetString() is { } activityId
                && item.TryGetProperty("ts", out var ts) && ts.TryGetDateTimeOffset(out var timestamp)
                && item.TryGetProperty("activity", out var activity) && activity.ValueKind == JsonValueKind.Object)
            {
                var sourceId = item.TryGetProperty("src", out var src) && src.ValueKind == JsonValueKind.String ? src.GetString() : null;
                entries.Add(new ConversationLogEntry(sequence, activityId, timestamp, Encoding.UTF8.GetBytes(activity.GetRawText()), sourceId));
            }
        }
    }
}
