using System.Data;
using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Proactive;

/// <summary>
/// Durable conversation references per reader, channel and conversation, plus when each reader has been active
/// (a count of distinct days per UTC hour, from which the best hour to reach them is learned).
/// </summary>
internal sealed partial class ConversationReferenceStore(ProactiveDatabase database, ILogger<ConversationReferenceStore> logger) : IDisposable
{
    private const int KeysPerQuery = 400;

    // Enough to absorb a burst of new conversations in one transaction; beyond this the enqueuing turns write themselves.
    private const int CapturesPerTransaction = 500;
    private const int MaxQueued = 10_000;

    private readonly Channel<ReferenceCapture> _queue = Channel.CreateUnbounded<ReferenceCapture>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
    private readonly SemaphoreSlim _flushGate = new(1, 1);
    private int _outstanding;
    private volatile bool _writerStopped;

    /// <summary>A store whose capture failures go unlogged (tools and tests that seed a database).</summary>
    public ConversationReferenceStore(ProactiveDatabase database)
        : this(database, Microsoft.Extensions.Logging.Abstractions.NullLogger<ConversationReferenceStore>.Instance)
    {
    }

    /// <summary>Inserts or refreshes a reference; when <paramref name="active"/>, also records the reader's activity hour.</summary>
    public Task CaptureAsync(string adapter, ConversationReference reference, bool active, DateTimeOffset now, CancellationToken cancellationToken) =>
        CaptureManyAsync([(adapter, reference)], active, now, cancellationToken);

    /// <summary>Inserts or refreshes many references in one transaction (imports, and seeding large test audiences).</summary>
    public Task CaptureManyAsync(IReadOnlyCollection<(string Adapter, ConversationReference Reference)> references, bool active, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(references);
        var captures = references.Select(r => ToCapture(r.Adapter, r.Reference, active, now)).ToList();
        return WriteAsync((connection, transaction) => WriteCapturesAsync(connection, transaction, captures, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Queues a turn's reference and activity hour for the next batch write instead of writing on the reader's request
    /// path. Every other method of this store writes the queue first, so what it reads or changes includes every
    /// queued capture (an announcement planned right after a reader's first message reaches them).
    /// </summary>
    /// <remarks>
    /// Completes at once while <see cref="ConversationReferenceWriter"/> runs; when too much is queued (the database is
    /// slower than the turns) it writes the queue itself, and after the writer stopped (shutdown) it writes directly,
    /// so a turn that arrives while the host drains is not lost.
    /// </remarks>
    public ValueTask QueueAsync(ReferenceCapture capture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(capture);
        Interlocked.Increment(ref _outstanding);
        _queue.Writer.TryWrite(capture);
        return _writerStopped || Volatile.Read(ref _outstanding) > MaxQueued
            ? new ValueTask(FlushAsync(cancellationToken))
            : ValueTask.CompletedTask;
    }

    /// <summary>Waits until a capture is queued; false once <paramref name="cancellationToken"/> fires.</summary>
    public async Task<bool> WaitForQueuedAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _queue.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Writes everything queued so far, in transactions of up to <see cref="CapturesPerTransaction"/> captures.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _outstanding) == 0)
        {
            return;
        }

        // One flusher at a time: a reader that finds a flush under way waits for it, so "queued before" means "stored".
        await _flushGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var batch = new List<ReferenceCapture>();
            while (true)
            {
                batch.Clear();
                while (batch.Count < CapturesPerTransaction && _queue.Reader.TryRead(out var capture))
                {
                    batch.Add(capture);
                }

                if (batch.Count == 0)
                {
                    return;
                }

                try
                {
                    await database.WriteAsync((connection, transaction) => WriteCapturesAsync(connection, transaction, batch, CancellationToken.None), CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    // As when the turn wrote it itself: a capture that cannot be stored is logged and never fails a
                    // turn (nor the read that happened to flush it); its turn's cache entry is dropped so the reader's
                    // next message captures it again.
                    foreach (var failed in batch)
                    {
                        failed.Failed?.Invoke();
                    }

                    LogCaptureFailed(ex, batch.Count);
                }
                finally
                {
                    Interlocked.Add(ref _outstanding, -batch.Count);
                }
            }
        }
        finally
        {
            _flushGate.Release();
        }
    }

    /// <summary>From now on every <see cref="QueueAsync"/> writes before it returns (the background writer has stopped).</summary>
    public void StopQueueing() => _writerStopped = true;

    public void Dispose() => _flushGate.Dispose();

    private static ReferenceCapture ToCapture(string adapter, ConversationReference reference, bool active, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (string.IsNullOrEmpty(reference.ChannelId) || string.IsNullOrEmpty(reference.User?.Id) || string.IsNullOrEmpty(reference.Conversation?.Id))
        {
            throw new ArgumentException("A conversation reference needs channelId, user.id and conversation.id.", nameof(reference));
        }

        return new ReferenceCapture(new ReaderKey(reference.ChannelId, reference.User.Id), adapter, reference, active, at);
    }

    private static async Task<bool> WriteCapturesAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<ReferenceCapture> captures, CancellationToken cancellationToken)
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
        var now = upsert.Parameters.Add("@now", DbType.Int64);
        var active = upsert.Parameters.Add("@active", DbType.Int32);

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
        var hour = activity.Parameters.Add("@h", DbType.Int32);
        var day = activity.Parameters.Add("@d", DbType.Int64);

        foreach (var capture in captures)
        {
            var nowMs = capture.At.ToUnixTimeMilliseconds();
            if (capture.Reference is { } reference)
            {
                c.Value = reference.ChannelId;
                u.Value = reference.User!.Id;
                conv.Value = reference.Conversation!.Id;
                a.Value = capture.Adapter ?? ProactiveAdapters.Connector;
                s.Value = (object?)reference.ServiceUrl ?? DBNull.Value;
                t.Value = (object?)reference.Conversation.TenantId ?? DBNull.Value;
                g.Value = reference.Conversation.IsGroup == true ? 1 : 0;
                j.Value = JsonSerializer.Serialize(reference, BotJsonContext.Default.ConversationReference);
                now.Value = nowMs;
                active.Value = capture.Active ? 1 : 0;
                await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            if (capture.Active)
            {
                (ac.Value, au.Value) = (capture.Reader.ChannelId, capture.Reader.UserId);
                hour.Value = capture.At.UtcDateTime.Hour;
                day.Value = nowMs / 86_400_000;
                await activity.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return true;
    }

    /// <summary>
    /// Every reachable reader (optionally of one channel) with the conversation to reach them in: their most recently
    /// captured one-to-one conversation, or a group conversation when they have no other. Only the keys: planning an
    /// announcement for many readers needs no stored reference (the engine reads those per batch when sending).
    /// </summary>
    public Task<List<ReachableConversation>> ListReachableConversationsAsync(string? channelId, CancellationToken cancellationToken) =>
        ReadAsync(
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
        ReadAsync(
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
        ReadAsync(
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
        WriteAsync(
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
        WriteAsync(
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
        ReadAsync(
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
        ReadAsync<JsonNode?>(
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
        ExecuteForReaderAsync(
            """
            DELETE FROM conversation_references WHERE channel_id = @c AND user_id = @u;
            DELETE FROM reader_activity WHERE channel_id = @c AND user_id = @u;
            """,
            reader,
            cancellationToken);

    private async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        return await database.ReadAsync(work, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        return await database.WriteAsync(work, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> ExecuteForReaderAsync(string sql, ReaderKey reader, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        return await database.ExecuteForReaderAsync(sql, reader, cancellationToken).ConfigureAwait(false);
    }

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store {Count} queued conversation reference(s) and activity hour(s); proactive messages may not reach those readers until they write again")]
    private partial void LogCaptureFailed(Exception exception, int count);
}
