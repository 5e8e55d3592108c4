using System.Globalization;
using System.Text.Json.Nodes;
using AuthorBot.Dialogs.Profile;
using AuthorBot.Dialogs.Reminders;

namespace AuthorBot.Bot.Proactive;

/// <summary>
/// Reminders readers asked for, one row per reminder id: scheduling an id again replaces it (and makes it pending
/// again unless it was already sent), so asking twice never sends twice. States as for deliveries:
/// pending → sending → sent, or failed.
/// </summary>
internal sealed class ReminderStore(ProactiveDatabase database)
{
    public Task ScheduleAsync(ReminderRequest request, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    INSERT INTO reminders (id, channel_id, user_id, due_at, text, state) VALUES (@id, @c, @u, @due, @t, 'pending')
                    ON CONFLICT (id) DO UPDATE SET channel_id = excluded.channel_id, user_id = excluded.user_id,
                        due_at = excluded.due_at, text = excluded.text,
                        state = CASE WHEN reminders.state = 'sent' AND reminders.due_at = excluded.due_at THEN 'sent' ELSE 'pending' END,
                        attempts = 0, reason = NULL;
                    """;
                command.Parameters.AddWithValue("@id", request.Id);
                command.Parameters.AddWithValue("@c", request.Reader.ChannelId);
                command.Parameters.AddWithValue("@u", request.Reader.UserId);
                command.Parameters.AddWithValue("@due", request.DueAt.ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("@t", request.Text);
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    /// <summary>Removes a reminder that has not been sent.</summary>
    public Task CancelAsync(string id, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "DELETE FROM reminders WHERE id = @id AND state IN ('pending', 'failed');";
                command.Parameters.AddWithValue("@id", id);
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    /// <summary>After a restart: reminders left "sending" are sent again (at-least-once, same id as the message's key).</summary>
    /// <remarks>On PostgreSQL nothing: another instance may be sending them; <see cref="TakeDueAsync"/> takes back lapsed leases.</remarks>
    public Task<int> RequeueInterruptedAsync(CancellationToken cancellationToken) =>
        database.IsPostgres ? Task.FromResult(0) : database.WriteAsync(
            async (connection, transaction) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "UPDATE reminders SET state = 'pending' WHERE state = 'sending';";
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    /// <summary>
    /// Marks up to <paramref name="limit"/> due reminders "sending" and returns them. On PostgreSQL, where several
    /// instances take from the same table, each row is claimed with <c>FOR UPDATE SKIP LOCKED</c> and leased; a row
    /// still "sending" when its lease lapsed (its instance died) is taken again.
    /// </summary>
    public Task<List<(ReminderRequest Request, int Attempts)>> TakeDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        database.IsPostgres ? ClaimDueAsync(now, limit, cancellationToken) : database.WriteAsync(
            async (connection, transaction) =>
            {
                var due = new List<(ReminderRequest, int)>();
                using (var select = connection.CreateCommand())
                {
                    select.Transaction = transaction;
                    select.CommandText = "SELECT id, channel_id, user_id, due_at, text, attempts FROM reminders WHERE state = 'pending' AND due_at <= @now ORDER BY due_at LIMIT @limit;";
                    select.Parameters.AddWithValue("@now", now.ToUnixTimeMilliseconds());
                    select.Parameters.AddWithValue("@limit", limit);
                    using var rows = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        due.Add((new ReminderRequest(rows.GetString(0), new ReaderKey(rows.GetString(1), rows.GetString(2)), DateTimeOffset.FromUnixTimeMilliseconds(rows.GetInt64(3)), rows.GetString(4)), rows.GetInt32(5)));
                    }
                }

                using var mark = connection.CreateCommand();
                mark.Transaction = transaction;
                mark.CommandText = "UPDATE reminders SET state = 'sending', attempts = attempts + 1 WHERE id = @id;";
                var id = mark.Parameters.Add("@id", System.Data.DbType.String);
                foreach (var (request, _) in due)
                {
                    id.Value = request.Id;
                    await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                return due;
            },
            cancellationToken);

    /// <summary>Records the outcome of a send: "sent", "failed", or "pending" again at <paramref name="retryAt"/>.</summary>
    public Task RecordAsync(string id, string state, DateTimeOffset at, string? reason, DateTimeOffset? retryAt, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = $$"""
                    UPDATE reminders SET state = @s, reason = @r, sent_at = CASE WHEN @s = 'sent' THEN @at ELSE sent_at END,
                        due_at = COALESCE(@retry, due_at){{(database.IsPostgres ? ", lease_until = NULL" : string.Empty)}}
                    WHERE id = @id AND state = 'sending';
                    """;
                command.Parameters.AddWithValue("@id", id);
                command.Parameters.AddWithValue("@s", state);
                command.Parameters.AddWithValue("@r", (object?)reason ?? DBNull.Value);
                command.Parameters.AddWithValue("@at", at.ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("@retry", retryAt is { } r ? r.ToUnixTimeMilliseconds() : DBNull.Value);
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    /// <summary>The state of one reminder, or null (for tests and diagnostics).</summary>
    public Task<string?> StateOfAsync(string id, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT state FROM reminders WHERE id = @id;";
                command.Parameters.AddWithValue("@id", id);
                return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
            },
            cancellationToken);

    public async Task<JsonNode?> ExportAsync(ReaderKey reader, CancellationToken cancellationToken)
    {
        var items = await database.ExportForReaderAsync(
            "SELECT id, due_at, text, state FROM reminders WHERE channel_id = @c AND user_id = @u ORDER BY due_at;",
            reader,
            rows => new JsonObject
            {
                ["id"] = rows.GetString(0),
                ["dueAt"] = DateTimeOffset.FromUnixTimeMilliseconds(rows.GetInt64(1)).ToString("O", CultureInfo.InvariantCulture),
                ["text"] = rows.GetString(2),
                ["state"] = rows.GetString(3),
            },
            cancellationToken).ConfigureAwait(false);
        return items.Count == 0 ? null : new JsonObject { ["reminders"] = items };
    }

    public Task EraseAsync(ReaderKey reader, CancellationToken cancellationToken) =>
        database.ExecuteForReaderAsync("DELETE FROM reminders WHERE channel_id = @c AND user_id = @u;", reader, cancellationToken);

    private Task<List<(ReminderRequest Request, int Attempts)>> ClaimDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    WITH claimed AS (
                        SELECT id FROM reminders
                        WHERE (state = 'pending' AND due_at <= @now) OR (state = 'sending' AND lease_until < @now)
                        ORDER BY due_at LIMIT @limit
                        FOR UPDATE SKIP LOCKED)
                    UPDATE reminders AS r SET state = 'sending', attempts = r.attempts + 1, lease_until = @until
                    FROM claimed WHERE r.id = claimed.id
                    RETURNING r.id, r.channel_id, r.user_id, r.due_at, r.text, r.attempts - 1;
                    """;
                command.Parameters.AddWithValue("@now", now.ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("@until", database.LeaseUntil());
                command.Parameters.AddWithValue("@limit", limit);
                var due = new List<(ReminderRequest Request, int Attempts)>();
                using var rows = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    due.Add((new ReminderRequest(rows.GetString(0), new ReaderKey(rows.GetString(1), rows.GetString(2)), DateTimeOffset.FromUnixTimeMilliseconds(rows.GetInt64(3)), rows.GetString(4)), rows.GetInt32(5)));
                }

                return due.OrderBy(d => d.Request.DueAt).ToList();
            },
            cancellationToken);
}
