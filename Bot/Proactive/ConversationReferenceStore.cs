using System.Data;
using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Proactive;

/// <summary>
/// Durable conversation references per reader, channel and conversation, plus when each reader has been active
/// (a count of distinct days per UTC hour, from which the best hour to reach them is learned).
/// </summary>
internal sealed class ConversationReferenceStore(ProactiveDatabase database)
{
    private const int KeysPerQuery = 400;

    /// <summary>Inserts or refreshes a reference; when <paramref name="active"/>, also records the reader's activity hour.</summary>
    public Task CaptureAsync(string adapter, ConversationReference reference, bool active, DateTimeOffset now, CancellationToken cancellationToken) =>
        CaptureManyAsync([(adapter, reference)], active, now, cancellationToken);

    /// <summary>Inserts or refreshes many references in one transaction (imports, and seeding large test audiences).</summary>
    public Task CaptureManyAsync(IReadOnlyCollection<(string Adapter, ConversationReference Reference)> references, bool active, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(references);
        foreach (var (_, reference) in references)
        {
            ArgumentNullException.ThrowIfNull(reference);
            if (string.IsNullOrEmpty(reference.ChannelId) || string.IsNullOrEmpty(reference.User?.Id) || string.IsNullOrEmpty(reference.Conversation?.Id))
            {
                throw new ArgumentException("A conversation reference needs channelId, user.id and conversation.id.", nameof(references));
            }
        }

        var nowMs = now.ToUnixTimeMilliseconds();
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                using var upsert = connection.CreateCommand();
                upsert.Transaction = transaction;
                upsert.CommandText = """
                    INSERT INTO conversation_references
                        (channel_id, user_id, conversation_id, adapter, service_url, tenant_id, is_group, reference_json, captured_at, last_active_at)
                    VALUES (@c, @u, @conv, @a, @s, @t, @g, @j, @now, CASE WHEN @active = 1 THEN @now END)
                    ON CONFLICT (channel_id, user_id, conversation_id) DO UPDATE SET
                        adapter = excluded.adapter, service_url = excluded.service_url,
                        tenant_id = COALESCE(excluded.tenant_id, conversation_references.tenant_id), is_group = excluded.is_group,
                        reference_json = excluded.reference_json, captured_at = excluded.captured_at,
                        last_active_at = COALESCE(excluded.last_active_at, conversation_references.last_active_at),
                        unreachable_at = NULL, unreachable_reason = NULL;
                    """;
                var c = upsert.Parameters.Add("@c", DbType.String);
                var u = upsert.Parameters.Add("@u", DbType.String);
                var conv = upsert.Parameters.Add("@conv", DbType.String);
                var a = upsert.Parameters.Add("@a", DbType.String);
                var s = upsert.Parameters.Add("@s", DbType.String);
                var t = upsert.Parameters.Add("@t", DbType.String);
                var g = upsert.Parameters.Add("@g", DbType.Int32);
                var j = upsert.Parameters.Add("@j", DbType.String);
                upsert.Parameters.AddWithValue("@now", nowMs);
                upsert.Parameters.AddWithValue("@active", active ? 1 : 0);

                using var activity = connection.CreateCommand();
                activity.Transaction = transaction;
                activity.CommandText = """
                    INSERT INTO reader_activity (channel_id, user_id, utc_hour, active_days, last_day) VALUES (@c, @u, @h, 1, @d)
                    ON CONFLICT (channel_id, user_id, utc_hour) DO UPDATE SET
                        active_days = reader_activity.active_days + CASE WHEN reader_activity.last_day = excluded.last_day THEN 0 ELSE 1 END,
                        last_day = excluded.last_day;
                    """;
                var ac = activity.Parameters.Add("@c", DbType.String);
                var au = activity.Parameters.Add("@u", DbType.String);
                activity.Parameters.AddWithValue("@h", now.UtcDateTime.Hour);
                activity.Parameters.AddWithValue("@d", nowMs / 86_400_000);

                foreach (var (adapter, reference) in references)
                {
                    c.Value = reference.ChannelId;
                    u.Value = reference.User!.Id;
                    conv.Value = reference.Conversation!.Id;
                    a.Value = adapter;
                    s.Value = (object?)reference.ServiceUrl ?? DBNull.Value;
                    t.Value = (object?)reference.Conversation.TenantId ?? DBNull.Value;
                    g.Value = reference.Conversation.IsGroup == true ? 1 : 0;
                    j.Value = JsonSerializer.Serialize(reference, BotJsonContext.Default.ConversationReference);
                    await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    if (active)
                    {
                        (ac.Value, au.Value) = (reference.ChannelId, reference.User.Id);
                        await activity.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }
                }

                return true;
            },
            cancellationToken);
    }

    /// <summary>Records the reader's activity hour without storing a reference (a turn whose service URL may not be kept).</summary>
    public Task RecordActiveAsync(ReaderKey reader, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                using var activity = connection.CreateCommand();
                activity.Transaction = transaction;
                activity.CommandText = """
                    INSERT INTO reader_activity (channel_id, user_id, utc_hour, active_days, last_day) VALUES (@c, @u, @h, 1, @d)
                    ON CONFLICT (channel_id, user_id, utc_hour) DO UPDATE SET
                        active_days = reader_activity.active_days + CASE WHEN reader_activity.last_day = excluded.last_day THEN 0 ELSE 1 END,
                        last_day = excluded.last_day;
                    """;
                activity.Parameters.AddWithValue("@c", reader.ChannelId);
                activity.Parameters.AddWithValue("@u", reader.UserId);
                activity.Parameters.AddWithValue("@h", now.UtcDateTime.Hour);
                activity.Parameters.AddWithValue("@d", nowMs / 86_400_000);
                return await activity.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <summary>
    /// Every reachable reader (optionally of one channel) with the conversation to reach them in: their most recently
    /// captured one-to-one conversation, or a group conversation when they have no other. Only the keys: planning an
    /// announcement for many readers needs no stored reference (the engine reads those per batch when sending).
    /// </summary>
    public Task<List<ReachableConversation>> ListReachableConversationsAsync(string? channelId, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = """
                    SELECT channel_id, user_id, conversation_id FROM (
                        SELECT channel_id, user_id, conversation_id,
                               ROW_NUMBER() OVER (PARTITION BY channel_id, user_id ORDER BY is_group, captured_at DESC) AS rank
                        FROM conversation_references
                        WHERE unreachable_at IS NULL AND (@c IS NULL OR channel_id = @c)) AS ranked
                    WHERE rank = 1 ORDER BY channel_id, user_id;
                    """;
                command.Parameters.Add("@c", DbType.String).Value = (object?)channelId ?? DBNull.Value;
                var members = new List<ReachableConversation>();
                using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    members.Add(new ReachableConversation(new ReaderKey(reader.GetString(0), reader.GetString(1)), reader.GetString(2)));
                }

                return members;
            },
            cancellationToken);

    /// <summary>The reader's preferred conversation, or null when none is stored or all are unreachable.</summary>
    public Task<ProactiveTarget?> FindAsync(ReaderKey reader, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = """
                    SELECT channel_id, user_id, adapter, reference_json FROM conversation_references
                    WHERE channel_id = @c AND user_id = @u AND unreachable_at IS NULL
                    ORDER BY is_group, captured_at DESC LIMIT 1;
                    """;
                command.Parameters.AddWithValue("@c", reader.ChannelId);
                command.Parameters.AddWithValue("@u", reader.UserId);
                var found = await ReadTargetsAsync(command, cancellationToken).ConfigureAwait(false);
                return found.Count == 0 ? null : found[0];
            },
            cancellationToken);

    /// <summary>The stored references of specific conversations, by (channel, user, conversation).</summary>
    /// <remarks>
    /// One statement for the whole list: the keys go in as one JSON parameter joined on the primary key. An OR of
    /// 133 triples per statement cost a parse per chunk and, as SQLite looks named parameters up one by one in a
    /// list, some 80,000 name comparisons per chunk to bind them.
    /// </remarks>
    public Task<Dictionary<(string ChannelId, string UserId, string ConversationId), ProactiveTarget>> GetAsync(
        IReadOnlyCollection<(string ChannelId, string UserId, string ConversationId)> keys, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection =>
            {
                var result = new Dictionary<(string, string, string), ProactiveTarget>(keys.Count);
                if (keys.Count == 0)
                {
                    return result;
                }

                using var command = connection.CreateCommand();
                command.CommandText = $"""
                    SELECT r.channel_id, r.user_id, r.adapter, r.reference_json
                    FROM {database.Sql(sqlite: "json_each(@keys) AS k", postgres: "json_array_elements(@keys::json) AS k(value)")}
                    JOIN conversation_references AS r
                      ON r.channel_id = k.value ->> 0 AND r.user_id = k.value ->> 1 AND r.conversation_id = k.value ->> 2
                    WHERE r.unreachable_at IS NULL;
                    """;
                command.Parameters.AddWithValue("@keys", KeysJson(keys));
                foreach (var target in await ReadTargetsAsync(command, cancellationToken).ConfigureAwait(false))
                {
                    result[(target.Reader.ChannelId, target.Reader.UserId, target.ConversationId)] = target;
                }

                return result;
            },
            cancellationToken);

    /// <summary>Marks a conversation unreachable (the channel answered 403/404, or the bot was uninstalled).</summary>
    public Task MarkUnreachableAsync(ReaderKey reader, string conversationId, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    UPDATE conversation_references SET unreachable_at = @now, unreachable_reason = @r
                    WHERE channel_id = @c AND user_id = @u AND conversation_id = @v;
                    """;
                command.Parameters.AddWithValue("@now", now.ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("@r", reason);
                command.Parameters.AddWithValue("@c", reader.ChannelId);
                command.Parameters.AddWithValue("@u", reader.UserId);
                command.Parameters.AddWithValue("@v", conversationId);
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    /// <summary>
    /// Forgets a conversation the bot was removed from: every reader's reference to it, including references taken in
    /// its Teams channel threads (<c>{channel id};messageid={post id}</c>). Returns how many were removed.
    /// </summary>
    public Task<int> RemoveConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    DELETE FROM conversation_references
                    WHERE channel_id = @c AND (conversation_id = @v OR substr(conversation_id, 1, length(@thread)) = @thread);
                    """;
                command.Parameters.AddWithValue("@c", channelId);
                command.Parameters.AddWithValue("@v", conversationId);
                command.Parameters.AddWithValue("@thread", conversationId + ";messageid=");
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    /// <summary>Per reader, how many distinct days they were active in each UTC hour (24 counts).</summary>
    public Task<Dictionary<ReaderKey, int[]>> ActivityByHourAsync(IReadOnlyCollection<ReaderKey> readers, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection =>
            {
                var result = new Dictionary<ReaderKey, int[]>();
                foreach (var chunk in readers.Chunk(KeysPerQuery / 2))
                {
                    using var command = connection.CreateCommand();
                    var clauses = new List<string>(chunk.Length);
                    for (var i = 0; i < chunk.Length; i++)
                    {
                        clauses.Add($"(channel_id = @c{i} AND user_id = @u{i})");
                        command.Parameters.AddWithValue($"@c{i}", chunk[i].ChannelId);
                        command.Parameters.AddWithValue($"@u{i}", chunk[i].UserId);
                    }

                    command.CommandText = "SELECT channel_id, user_id, utc_hour, active_days FROM reader_activity WHERE " + string.Join(" OR ", clauses) + ";";
                    using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        var key = new ReaderKey(reader.GetString(0), reader.GetString(1));
                        if (!result.TryGetValue(key, out var hours))
                        {
                            hours = new int[24];
                            result[key] = hours;
                        }

                        hours[reader.GetInt32(2) % 24] = reader.GetInt32(3);
                    }
                }

                return result;
            },
            cancellationToken);

    /// <summary>Everything held about the reader, or null when nothing is.</summary>
    public Task<JsonNode?> ExportAsync(ReaderKey reader, CancellationToken cancellationToken) =>
        database.ReadAsync<JsonNode?>(
            async connection =>
            {
                var conversations = new JsonArray();
                using (var command = connection.CreateCommand())
                {
                    command.CommandText = """
                        SELECT conversation_id, adapter, service_url, tenant_id, is_group, captured_at, last_active_at, unreachable_at, unreachable_reason
                        FROM conversation_references WHERE channel_id = @c AND user_id = @u ORDER BY captured_at;
                        """;
                    command.Parameters.AddWithValue("@c", reader.ChannelId);
                    command.Parameters.AddWithValue("@u", reader.UserId);
                    using var rows = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        conversations.Add(new JsonObject
                        {
                            ["conversationId"] = rows.GetString(0),
                            ["via"] = rows.GetString(1),
                            ["serviceUrl"] = rows.IsDBNull(2) ? null : rows.GetString(2),
                            ["tenantId"] = rows.IsDBNull(3) ? null : rows.GetString(3),
                            ["isGroup"] = rows.GetInt32(4) == 1,
                            ["capturedAt"] = ToIso(rows.GetInt64(5)),
                            ["lastActiveAt"] = rows.IsDBNull(6) ? null : ToIso(rows.GetInt64(6)),
                            ["unreachableSince"] = rows.IsDBNull(7) ? null : ToIso(rows.GetInt64(7)),
                            ["unreachableReason"] = rows.IsDBNull(8) ? null : rows.GetString(8),
                        });
                    }
                }

                var hours = new JsonObject();
                using (var command = connection.CreateCommand())
                {
                    command.CommandText = "SELECT utc_hour, active_days FROM reader_activity WHERE channel_id = @c AND user_id = @u ORDER BY utc_hour;";
                    command.Parameters.AddWithValue("@c", reader.ChannelId);
                    command.Parameters.AddWithValue("@u", reader.UserId);
                    using var rows = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        hours[rows.GetInt32(0).ToString("00", System.Globalization.CultureInfo.InvariantCulture) + ":00 UTC"] = rows.GetInt32(1);
                    }
                }

                return conversations.Count == 0 && hours.Count == 0
                    ? null
                    : new JsonObject { ["conversations"] = conversations, ["activeDaysByHour"] = hours };
            },
            cancellationToken);

    /// <summary>Removes the reader's references and activity.</summary>
    public Task EraseAsync(ReaderKey reader, CancellationToken cancellationToken) =>
        database.ExecuteForReaderAsync(
            """
            DELETE FROM conversation_references WHERE channel_id = @c AND user_id = @u;
            DELETE FROM reader_activity WHERE channel_id = @c AND user_id = @u;
            """,
            reader,
            cancellationToken);

    private static string KeysJson(IEnumerable<(string ChannelId, string UserId, string ConversationId)> keys)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var (channelId, userId, conversationId) in keys)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(channelId);
                writer.WriteStringValue(userId);
                writer.WriteStringValue(conversationId);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string ToIso(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<List<ProactiveTarget>> ReadTargetsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var targets = new List<ProactiveTarget>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var reference = JsonSerializer.Deserialize(reader.GetString(3), BotJsonContext.Default.ConversationReference);
            if (reference is not null)
            {
                targets.Add(new ProactiveTarget(new ReaderKey(reader.GetString(0), reader.GetString(1)), reader.GetString(2), reference));
            }
        }

        return targets;
    }
}
