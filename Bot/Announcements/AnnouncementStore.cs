using System.Text.Json;
using AuthorBot.Bot.Proactive;
using AuthorBot.Dialogs.Profile;
using Microsoft.Data.Sqlite;

namespace AuthorBot.Bot.Announcements;

/// <summary>
/// Announcements and their delivery records (with the rewritten links), in the proactive database; what readers did with
/// them is in <see cref="AnnouncementEngagementStore"/>, their export and erasure in <see cref="AnnouncementDataStore"/>.
/// </summary>
internal sealed class AnnouncementStore(ProactiveDatabase database)
{
    private const int ReadersPerQuery = 200;

    /// <summary>Creates the announcement and one delivery record per reader, in one transaction.</summary>
    public Task CreateAsync(string id, AnnouncementRequest definition, DateTimeOffset createdAt, IReadOnlyList<PlannedDelivery> deliveries, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                using (var insert = connection.CreateCommand())
                {
                    insert.Transaction = transaction;
                    insert.CommandText = "INSERT INTO announcements (id, name, created_at, status, definition_json) VALUES ($id, $n, $at, 'active', $d);";
                    insert.Parameters.AddWithValue("$id", id);
                    insert.Parameters.AddWithValue("$n", (object?)definition.Name ?? DBNull.Value);
                    insert.Parameters.AddWithValue("$at", createdAt.ToUnixTimeMilliseconds());
                    insert.Parameters.AddWithValue("$d", JsonSerializer.Serialize(definition, AnnouncementJsonContext.Default.AnnouncementRequest));
                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    INSERT INTO deliveries (announcement_id, channel_id, user_id, conversation_id, variant, idempotency_key, state, due_at)
                    VALUES ($a, $c, $u, $v, $var, $a || ':' || $c || ':' || $u, 'pending', $due);
                    """;
                var a = command.Parameters.AddWithValue("$a", id);
                var c = command.Parameters.Add("$c", SqliteType.Text);
                var u = command.Parameters.Add("$u", SqliteType.Text);
                var v = command.Parameters.Add("$v", SqliteType.Text);
                var variant = command.Parameters.Add("$var", SqliteType.Text);
                var due = command.Parameters.Add("$due", SqliteType.Integer);
                foreach (var delivery in deliveries)
                {
                    c.Value = delivery.Reader.ChannelId;
                    u.Value = delivery.Reader.UserId;
                    v.Value = delivery.ConversationId;
                    variant.Value = delivery.Variant;
                    due.Value = delivery.DueAt.ToUnixTimeMilliseconds();
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                return true;
            },
            cancellationToken);

    /// <summary>The stored definition of an announcement, or null.</summary>
    public Task<AnnouncementRequest?> GetDefinitionAsync(string id, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT definition_json FROM announcements WHERE id = $id;";
                command.Parameters.AddWithValue("$id", id);
                return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string json
                    ? JsonSerializer.Deserialize(json, AnnouncementJsonContext.Default.AnnouncementRequest)
                    : null;
            },
            cancellationToken);

    /// <summary>
    /// After a restart: deliveries left in <c>sending</c> by the previous process go back to pending, to be sent again
    /// with the same idempotency key (at-least-once; see <see cref="DeliveryEngine"/>).
    /// </summary>
    public Task<int> RequeueInterruptedAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "UPDATE deliveries SET state = 'pending', due_at = MIN(due_at, $now) WHERE state = 'sending';";
                command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    /// <summary>Up to <paramref name="limit"/> pending deliveries due by <paramref name="now"/>, oldest first.</summary>
    public Task<List<DueDelivery>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = """
                    SELECT id, announcement_id, channel_id, user_id, conversation_id, variant, idempotency_key, attempts, due_at
                    FROM deliveries WHERE state = 'pending' AND due_at <= $now ORDER BY due_at, id LIMIT $limit;
                    """;
                command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("$limit", limit);
                var due = new List<DueDelivery>();
                using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    due.Add(new DueDelivery(
                        reader.GetInt64(0),
                        reader.GetString(1),
                        new ReaderKey(reader.GetString(2), reader.GetString(3)),
                        reader.GetString(4),
                        reader.GetString(5),
                        reader.GetString(6),
                        reader.GetInt32(7),
                        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8))));
                }

                return due;
            },
            cancellationToken);

    /// <summary>The earliest due time of any pending delivery, or null.</summary>
    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT MIN(due_at) FROM deliveries WHERE state = 'pending';";
                return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long ms
                    ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
                    : (DateTimeOffset?)null;
            },
            cancellationToken);

    /// <summary>
    /// How many announcements each reader was sent since <paramref name="since"/>, counting those on their way out
    /// (<c>sending</c>) too: a second announcement prepared while the first is still in flight must see it, or both
    /// would pass the weekly cap.
    /// </summary>
    public Task<Dictionary<ReaderKey, int>> SentSinceAsync(IReadOnlyCollection<ReaderKey> readers, DateTimeOffset since, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection =>
            {
                var counts = new Dictionary<ReaderKey, int>();
                foreach (var chunk in readers.Distinct().Chunk(ReadersPerQuery))
                {
                    using var command = connection.CreateCommand();
                    var clauses = new List<string>(chunk.Length);
                    for (var i = 0; i < chunk.Length; i++)
                    {
                        clauses.Add($"(channel_id = $c{i} AND user_id = $u{i})");
                        command.Parameters.AddWithValue($"$c{i}", chunk[i].ChannelId);
                        command.Parameters.AddWithValue($"$u{i}", chunk[i].UserId);
                    }

                    command.Parameters.AddWithValue("$since", since.ToUnixTimeMilliseconds());
                    command.CommandText = "SELECT channel_id, user_id, COUNT(*) FROM deliveries WHERE ((state = 'sent' AND sent_at >= $since) OR state = 'sending') AND ("
                        + string.Join(" OR ", clauses) + ") GROUP BY channel_id, user_id;";
                    using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        counts[new ReaderKey(reader.GetString(0), reader.GetString(1))] = reader.GetInt32(2);
                    }
                }

                return counts;
            },
            cancellationToken);

    /// <summary>
    /// Writes the engine's decisions for a batch in one transaction: first the outcomes of sends that have finished
    /// since the last write (<paramref name="finished"/>: their <c>sent</c> marks are committed no later than the next
    /// batch is marked), then skips and deferrals, then <c>sending</c> (with the attempt counted and the rewritten links
    /// stored) for the deliveries about to go out. Only rows still pending change, so a cancel that came first wins.
    /// Returns the ids now marked sending.
    /// </summary>
    public Task<HashSet<long>> BeginSendingAsync(IReadOnlyList<DeliveryOutcome> finished, IReadOnlyList<DeliveryOutcome> decided, IReadOnlyList<long> sending, IReadOnlyList<LinkToken> links, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                await ApplyOutcomesAsync(connection, transaction, finished, requireState: DeliveryStates.Sending, cancellationToken).ConfigureAwait(false);
                await ApplyOutcomesAsync(connection, transaction, decided, requireState: DeliveryStates.Pending, cancellationToken).ConfigureAwait(false);
                var marked = new HashSet<long>();
                using (var command = connection.CreateCommand())
                {
                    command.Transaction = transaction;
                    command.CommandText = "UPDATE deliveries SET state = 'sending', attempts = attempts + 1 WHERE id = $id AND state = 'pending';";
                    var id = command.Parameters.Add("$id", SqliteType.Integer);
                    foreach (var deliveryId in sending)
                    {
                        id.Value = deliveryId;
                        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
                        {
                            marked.Add(deliveryId);
                        }
                    }
                }

                using (var command = connection.CreateCommand())
                {
                    command.Transaction = transaction;
                    command.CommandText = "INSERT OR IGNORE INTO links (token, delivery_id, url) VALUES ($t, $d, $url);";
                    var token = command.Parameters.Add("$t", SqliteType.Text);
                    var delivery = command.Parameters.Add("$d", SqliteType.Integer);
                    var url = command.Parameters.Add("$url", SqliteType.Text);
                    foreach (var link in links.Where(l => marked.Contains(l.DeliveryId)))
                    {
                        (token.Value, delivery.Value, url.Value) = (link.Token, link.DeliveryId, link.Url);
                        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }
                }

                return marked;
            },
            cancellationToken);

    /// <summary>Writes send outcomes (sent, failed, or back to pending for a retry) of deliveries that were sending.</summary>
    public Task RecordOutcomesAsync(IReadOnlyList<DeliveryOutcome> outcomes, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                await ApplyOutcomesAsync(connection, transaction, outcomes, requireState: DeliveryStates.Sending, cancellationToken).ConfigureAwait(false);
                return true;
            },
            cancellationToken);

    /// <summary>Cancels what has not been sent; null when the announcement does not exist.</summary>
    public Task<int?> CancelAsync(string id, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "UPDATE announcements SET status = 'cancelled' WHERE id = $id;";
                command.Parameters.AddWithValue("$id", id);
                if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
                {
                    return (int?)null;
                }

                command.CommandText = "UPDATE deliveries SET state = 'cancelled' WHERE announcement_id = $id AND state = 'pending';";
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    /// <summary>Progress counts, or null when the announcement does not exist.</summary>
    public Task<AnnouncementProgress?> GetProgressAsync(string id, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection =>
            {
                string? name;
                string status;
                DateTimeOffset createdAt;
                using (var head = connection.CreateCommand())
                {
                    head.CommandText = "SELECT name, status, created_at FROM announcements WHERE id = $id;";
                    head.Parameters.AddWithValue("$id", id);
                    using var row = await head.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    if (!await row.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        return null;
                    }

                    (name, status, createdAt) = (row.IsDBNull(0) ? null : row.GetString(0), row.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(2)));
                }

                var counts = new Dictionary<string, int>(StringComparer.Ordinal);
                var unreachable = 0;
                var duePending = 0;
                var retrying = 0;
                DateTimeOffset? nextSendAt = null;
                using (var command = connection.CreateCommand())
                {
                    command.CommandText = """
                        SELECT state, COUNT(*), SUM(reason = 'unreachable'), SUM(due_at <= $now), SUM(attempts > 0), MIN(due_at)
                        FROM deliveries WHERE announcement_id = $id GROUP BY state;
                        """;
                    command.Parameters.AddWithValue("$id", id);
                    command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
                    using var rows = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        var state = rows.GetString(0);
                        counts[state] = rows.GetInt32(1);
                        if (state == DeliveryStates.Failed)
                        {
                            unreachable = rows.IsDBNull(2) ? 0 : rows.GetInt32(2);
                        }

                        if (state == DeliveryStates.Pending)
                        {
                            duePending = rows.IsDBNull(3) ? 0 : rows.GetInt32(3);
                            retrying = rows.IsDBNull(4) ? 0 : rows.GetInt32(4);
                            nextSendAt = rows.IsDBNull(5) ? null : DateTimeOffset.FromUnixTimeMilliseconds(rows.GetInt64(5));
                        }
                    }
                }

                int Count(string state) => counts.GetValueOrDefault(state);
                var open = Count(DeliveryStates.Pending) + Count(DeliveryStates.Sending);
                var overall = status == "cancelled" ? "cancelled"
                    : open == 0 ? "completed"
                    : Count(DeliveryStates.Sending) > 0 || duePending > 0 || counts.Keys.Any(k => k != DeliveryStates.Pending) ? "sending"
                    : "scheduled";
                return new AnnouncementProgress(
                    id,
                    name,
                    overall,
                    counts.Values.Sum(),
                    Count(DeliveryStates.Sent),
                    Count(DeliveryStates.Failed),
                    unreachable,
                    new SkippedCounts(Count(DeliveryStates.SkippedQuietHours), Count(DeliveryStates.SkippedCap), Count(DeliveryStates.SkippedUnsubscribed)),
                    Count(DeliveryStates.Pending),
                    Count(DeliveryStates.Sending),
                    Count(DeliveryStates.Cancelled),
                    createdAt)
                {
                    Retrying = retrying,
                    NextSendAt = nextSendAt,
                };
            },
            cancellationToken);

    private static async Task ApplyOutcomesAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<DeliveryOutcome> outcomes, string requireState, CancellationToken cancellationToken)
    {
        if (outcomes.Count == 0)
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE deliveries SET
                state = $state,
                reason = $reason,
                sent_at = CASE WHEN $state = 'sent' THEN $at ELSE sent_at END,
                activity_id = COALESCE($activity, activity_id),
                due_at = COALESCE($retry, due_at)
            WHERE id = $id AND state = $require;
            """;
        var id = command.Parameters.Add("$id", SqliteType.Integer);
        var state = command.Parameters.Add("$state", SqliteType.Text);
        var reason = command.Parameters.Add("$reason", SqliteType.Text);
        var at = command.Parameters.Add("$at", SqliteType.Integer);
        var activity = command.Parameters.Add("$activity", SqliteType.Text);
        var retry = command.Parameters.Add("$retry", SqliteType.Integer);
        command.Parameters.AddWithValue("$require", requireState);
        foreach (var outcome in outcomes)
        {
            id.Value = outcome.Id;
            state.Value = outcome.State;
            reason.Value = (object?)outcome.Reason ?? DBNull.Value;
            at.Value = outcome.At.ToUnixTimeMilliseconds();
            activity.Value = (object?)outcome.ActivityId ?? DBNull.Value;
            retry.Value = outcome.RetryAt is { } r ? r.ToUnixTimeMilliseconds() : DBNull.Value;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
