using System.Data;
using System.Data.Common;
using System.Text.Json;
using AuthorBot.Bot.Proactive;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Announcements;

/// <summary>
/// Announcements and their delivery records (with the rewritten links), in the proactive database; what readers did with
/// them is in <see cref="AnnouncementEngagementStore"/>, their export and erasure in <see cref="AnnouncementDataStore"/>.
/// </summary>
internal sealed class AnnouncementStore(ProactiveDatabase database)
{
    private const int ReadersPerQuery = 200;

    /// <summary>
    /// This process's name on the leases it takes (PostgreSQL): the host and process, and a random part for hosts that
    /// share one process (tests). Kept on a sent row as the instance that sent it.
    /// </summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Creates the announcement and one delivery record per reader, in one transaction.</summary>
    public Task CreateAsync(string id, AnnouncementRequest definition, DateTimeOffset createdAt, IReadOnlyList<PlannedDelivery> deliveries, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                using (var insert = connection.CreateCommand())
                {
                    insert.Transaction = transaction;
                    insert.CommandText = "INSERT INTO announcements (id, name, created_at, status, definition_json) VALUES (@id, @n, @at, 'active', @d);";
                    insert.Parameters.AddWithValue("@id", id);
                    insert.Parameters.AddWithValue("@n", (object?)definition.Name ?? DBNull.Value);
                    insert.Parameters.AddWithValue("@at", createdAt.ToUnixTimeMilliseconds());
                    insert.Parameters.AddWithValue("@d", JsonSerializer.Serialize(definition, AnnouncementJsonContext.Default.AnnouncementRequest));
                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    INSERT INTO deliveries (announcement_id, channel_id, user_id, conversation_id, variant, idempotency_key, state, due_at)
                    VALUES (@a, @c, @u, @v, @var, @a || ':' || @c || ':' || @u, 'pending', @due);
                    """;
                var a = command.Parameters.AddWithValue("@a", id);
                var c = command.Parameters.Add("@c", DbType.String);
                var u = command.Parameters.Add("@u", DbType.String);
                var v = command.Parameters.Add("@v", DbType.String);
                var variant = command.Parameters.Add("@var", DbType.String);
                var due = command.Parameters.Add("@due", DbType.Int64);
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
                command.CommandText = "SELECT definition_json FROM announcements WHERE id = @id;";
                command.Parameters.AddWithValue("@id", id);
                return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string json
                    ? JsonSerializer.Deserialize(json, AnnouncementJsonContext.Default.AnnouncementRequest)
                    : null;
            },
            cancellationToken);

    /// <summary>
    /// After a restart: deliveries left in <c>sending</c> by the previous process go back to pending, to be sent again
    /// with the same idempotency key (at-least-once; see <see cref="DeliveryEngine"/>).
    /// </summary>
    /// <remarks>
    /// On PostgreSQL this does nothing: other instances may be sending those rows right now. A row there is taken again
    /// only when its lease has lapsed (<see cref="ListDueAsync"/>), which is how a dead instance's deliveries move on.
    /// </remarks>
    public Task<int> RequeueInterruptedAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        database.IsPostgres ? Task.FromResult(0) : database.WriteAsync(
            async (connection, transaction) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "UPDATE deliveries SET state = 'pending', due_at = MIN(due_at, @now) WHERE state = 'sending';";
                command.Parameters.AddWithValue("@now", now.ToUnixTimeMilliseconds());
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> pending deliveries due by <paramref name="now"/>, oldest first. On PostgreSQL they
    /// are claimed: leased to this instance until <see cref="ProactiveDatabase.LeaseDuration"/> from now, skipping rows
    /// another instance holds (<c>FOR UPDATE SKIP LOCKED</c>, then the lease), and taking back rows whose lease lapsed
    /// while <c>sending</c> (their instance died; they go out again with the same idempotency key).
    /// </summary>
    public Task<List<DueDelivery>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        const string Columns = "id, announcement_id, channel_id, user_id, conversation_id, variant, idempotency_key, attempts, due_at";
        return database.IsPostgres
            ? database.WriteAsync(
                async (connection, transaction) =>
                {
                    using var command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = $"""
                        WITH claimed AS (
                            SELECT id FROM deliveries
                            WHERE ((state = 'pending' AND due_at <= @now) OR state = 'sending')
                              AND (lease_until IS NULL OR lease_until < @now OR (state = 'pending' AND lease_owner = @owner))
                            ORDER BY due_at, id LIMIT @limit
                            FOR UPDATE SKIP LOCKED)
                        UPDATE deliveries AS d SET state = 'pending', lease_owner = @owner, lease_until = @until
                        FROM claimed WHERE d.id = claimed.id
                        RETURNING {string.Join(", ", Columns.Split(", ").Select(c => "d." + c))};
                        """;
                    command.Parameters.AddWithValue("@now", now.ToUnixTimeMilliseconds());
                    command.Parameters.AddWithValue("@until", (now + database.LeaseDuration).ToUnixTimeMilliseconds());
                    command.Parameters.AddWithValue("@owner", Owner);
                    command.Parameters.AddWithValue("@limit", limit);
                    var due = await ReadDueAsync(command, cancellationToken).ConfigureAwait(false);
                    due.Sort((x, y) => x.DueAt != y.DueAt ? x.DueAt.CompareTo(y.DueAt) : x.Id.CompareTo(y.Id));
                    return due;
                },
                cancellationToken)
            : database.ReadAsync(
                async connection =>
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = $"SELECT {Columns} FROM deliveries WHERE state = 'pending' AND due_at <= @now ORDER BY due_at, id LIMIT @limit;";
                    command.Parameters.AddWithValue("@now", now.ToUnixTimeMilliseconds());
                    command.Parameters.AddWithValue("@limit", limit);
                    return await ReadDueAsync(command, cancellationToken).ConfigureAwait(false);
                },
                cancellationToken);
    }

    /// <summary>The earliest due time of any pending delivery, or null.</summary>
    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection =>
            {
                using var command = connection.CreateCommand();
                // On PostgreSQL a row another instance holds comes due for this one when its lease lapses.
                command.CommandText = database.Sql(
                    sqlite: "SELECT MIN(due_at) FROM deliveries WHERE state = 'pending';",
                    postgres: """
                        SELECT MIN(CASE WHEN state = 'pending' THEN GREATEST(due_at, COALESCE(lease_until + 1, 0)) ELSE lease_until + 1 END)
                        FROM deliveries WHERE state = 'pending' OR (state = 'sending' AND lease_until IS NOT NULL);
                        """);
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
                        clauses.Add($"(channel_id = @c{i} AND user_id = @u{i})");
                        command.Parameters.AddWithValue($"@c{i}", chunk[i].ChannelId);
                        command.Parameters.AddWithValue($"@u{i}", chunk[i].UserId);
                    }

                    command.Parameters.AddWithValue("@since", since.ToUnixTimeMilliseconds());
                    command.CommandText = "SELECT channel_id, user_id, COUNT(*) FROM deliveries WHERE ((state = 'sent' AND sent_at >= @since) OR state = 'sending') AND ("
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
                await ApplyOutcomesAsync(connection, transaction, finished, requireState: DeliveryStates.Sending, database.IsPostgres, cancellationToken).ConfigureAwait(false);
                await ApplyOutcomesAsync(connection, transaction, decided, requireState: DeliveryStates.Pending, database.IsPostgres, cancellationToken).ConfigureAwait(false);
                var marked = new HashSet<long>();
                using (var command = connection.CreateCommand())
                {
                    command.Transaction = transaction;
                    // On PostgreSQL only rows this instance still holds, with the lease renewed to cover the send.
                    command.CommandText = database.Sql(
                        sqlite: "UPDATE deliveries SET state = 'sending', attempts = attempts + 1 WHERE id = @id AND state = 'pending';",
                        postgres: "UPDATE deliveries SET state = 'sending', attempts = attempts + 1, lease_until = @until WHERE id = @id AND state = 'pending' AND lease_owner = @owner;");
                    var id = command.Parameters.Add("@id", DbType.Int64);
                    if (database.IsPostgres)
                    {
                        command.Parameters.AddWithValue("@until", database.LeaseUntil());
                        command.Parameters.AddWithValue("@owner", Owner);
                    }

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
                    command.CommandText = "INSERT INTO links (token, delivery_id, url) VALUES (@t, @d, @url) ON CONFLICT (token) DO NOTHING;";
                    var token = command.Parameters.Add("@t", DbType.String);
                    var delivery = command.Parameters.Add("@d", DbType.Int64);
                    var url = command.Parameters.Add("@url", DbType.String);
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
                await ApplyOutcomesAsync(connection, transaction, outcomes, requireState: DeliveryStates.Sending, database.IsPostgres, cancellationToken).ConfigureAwait(false);
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
                command.CommandText = "UPDATE announcements SET status = 'cancelled' WHERE id = @id;";
                command.Parameters.AddWithValue("@id", id);
                if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
                {
                    return (int?)null;
                }

                command.CommandText = "UPDATE deliveries SET state = 'cancelled' WHERE announcement_id = @id AND state = 'pending';";
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
                    head.CommandText = "SELECT name, status, created_at FROM announcements WHERE id = @id;";
                    head.Parameters.AddWithValue("@id", id);
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
                        SELECT state, COUNT(*), SUM(CASE WHEN reason = 'unreachable' THEN 1 ELSE 0 END), SUM(CASE WHEN due_at <= @now THEN 1 ELSE 0 END),
                               SUM(CASE WHEN attempts > 0 THEN 1 ELSE 0 END), MIN(due_at)
                        FROM deliveries WHERE announcement_id = @id GROUP BY state;
                        """;
                    command.Parameters.AddWithValue("@id", id);
                    command.Parameters.AddWithValue("@now", now.ToUnixTimeMilliseconds());
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

    private static async Task ApplyOutcomesAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<DeliveryOutcome> outcomes, string requireState, bool postgres, CancellationToken cancellationToken)
    {
        if (outcomes.Count == 0)
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // The lease ends with the outcome (a retry is due at its own time); lease_owner stays as the instance that sent.
        var leaseEnd = postgres ? ", lease_until = NULL" : string.Empty;
        command.CommandText = $$"""
            UPDATE deliveries SET
                state = @state,
                reason = @reason,
                sent_at = CASE WHEN @state = 'sent' THEN @at ELSE sent_at END,
                activity_id = COALESCE(@activity, activity_id),
                due_at = COALESCE(@retry, due_at){{leaseEnd}}
            WHERE id = @id AND state = @require;
            """;
        var id = command.Parameters.Add("@id", DbType.Int64);
        var state = command.Parameters.Add("@state", DbType.String);
        var reason = command.Parameters.Add("@reason", DbType.String);
        var at = command.Parameters.Add("@at", DbType.Int64);
        var activity = command.Parameters.Add("@activity", DbType.String);
        var retry = command.Parameters.Add("@retry", DbType.Int64);
        command.Parameters.AddWithValue("@require", requireState);
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

    private static async Task<List<DueDelivery>> ReadDueAsync(DbCommand command, CancellationToken cancellationToken)
    {
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
    }
}
