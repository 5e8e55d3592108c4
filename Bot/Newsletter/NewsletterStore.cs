using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AuthorBot.Bot.Proactive;
using AuthorBot.Dialogs.Newsletter;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Newsletter;

/// <summary>
/// Newsletter subscribers, their confirmation tokens, the email/webhook outbox and each subscriber's email events, in
/// the proactive SQLite file so they share its durability: an outbox row is committed before the chat answers, is
/// taken as 'sending' one at a time, and is put back to 'pending' after a crash, so a restart loses no confirmation.
/// </summary>
internal sealed class NewsletterStore(ProactiveDatabase database) : IDisposable
{
    public const string Pending = "pending";
    public const string Confirmed = "confirmed";
    public const string Unsubscribed = "unsubscribed";
    public const string ConfirmationKind = "confirmation";
    public const string WebhookKind = "webhook";

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS newsletter_subscribers (
            id TEXT PRIMARY KEY,
            channel_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            email TEXT NOT NULL,
            name TEXT,
            wording TEXT,
            consented_at INTEGER NOT NULL,
            status TEXT NOT NULL,
            confirmed_at INTEGER,
            unsubscribed_at INTEGER,
            last_failure TEXT,
            last_failure_at INTEGER,
            UNIQUE (channel_id, user_id));
        CREATE INDEX IF NOT EXISTS ix_newsletter_subscribers_status ON newsletter_subscribers (status, confirmed_at);
        CREATE TABLE IF NOT EXISTS newsletter_tokens (
            id TEXT PRIMARY KEY,
            subscriber_id TEXT NOT NULL,
            email TEXT NOT NULL,
            expires_at INTEGER NOT NULL,
            used_at INTEGER);
        CREATE INDEX IF NOT EXISTS ix_newsletter_tokens_subscriber ON newsletter_tokens (subscriber_id);
        CREATE TABLE IF NOT EXISTS newsletter_outbox (
            id INTEGER PRIMARY KEY,
            subscriber_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            payload TEXT NOT NULL,
            state TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            due_at INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            sent_at INTEGER,
            reason TEXT);
        CREATE INDEX IF NOT EXISTS ix_newsletter_outbox_pending_due ON newsletter_outbox (due_at) WHERE state = 'pending';
        CREATE INDEX IF NOT EXISTS ix_newsletter_outbox_subscriber ON newsletter_outbox (subscriber_id);
        CREATE TABLE IF NOT EXISTS newsletter_events (
            id INTEGER PRIMARY KEY,
            subscriber_id TEXT NOT NULL,
            channel_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            at INTEGER NOT NULL,
            detail TEXT);
        CREATE INDEX IF NOT EXISTS ix_newsletter_events_reader ON newsletter_events (channel_id, user_id);
        CREATE TABLE IF NOT EXISTS newsletter_keys (
            name TEXT PRIMARY KEY,
            value TEXT NOT NULL);
        """;

    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _created;

    /// <summary>
    /// Records a signup (or a request for a fresh link) as pending, with a new confirmation token and its email queued,
    /// in one transaction; returns false, queueing nothing, when the address already got <paramref name="maxPerDay"/>
    /// confirmation emails in the last 24 hours.
    /// </summary>
    public async Task<bool> SignupAsync(NewsletterSignup signup, string tokenId, DateTimeOffset expiresAt, DateTimeOffset now, int maxPerDay, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await database.WriteAsync(
            async (connection, transaction) =>
            {
                // A new address gets a new id, so links sent to the old one never confirm or unsubscribe the new one.
                string? id = null;
                using (var find = Command(connection, transaction, "SELECT id, email FROM newsletter_subscribers WHERE channel_id = @c AND user_id = @u;"))
                {
                    Reader(find, signup.Reader);
                    using var rows = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    if (await rows.ReadAsync(cancellationToken).ConfigureAwait(false) && string.Equals(rows.GetString(1), signup.Email, StringComparison.OrdinalIgnoreCase))
                    {
                        id = rows.GetString(0);
                    }
                }

                // Counted by address across readers: several chat identities cannot flood one inbox either.
                using (var recent = Command(connection, transaction, database.Sql(
                    sqlite: """
                        SELECT COUNT(*) FROM newsletter_outbox o JOIN newsletter_tokens t ON t.id = json_extract(o.payload, '$.token')
                        WHERE o.kind = 'confirmation' AND t.email = @email COLLATE NOCASE AND o.created_at > @since;
                        """,
                    postgres: """
                        SELECT COUNT(*) FROM newsletter_outbox o JOIN newsletter_tokens t ON t.id = o.payload::json ->> 'token'
                        WHERE o.kind = 'confirmation' AND lower(t.email) = lower(@email) AND o.created_at > @since;
                        """)))
                {
                    recent.Parameters.AddWithValue("@email", signup.Email);
                    recent.Parameters.AddWithValue("@since", (now - TimeSpan.FromDays(1)).ToUnixTimeMilliseconds());
                    if (Convert.ToInt64(await recent.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) >= maxPerDay)
                    {
                        return false;
                    }
                }

                id ??= NewId();
                using (var upsert = Command(connection, transaction, """
                    INSERT INTO newsletter_subscribers (id, channel_id, user_id, email, name, wording, consented_at, status)
                    VALUES (@id, @c, @u, @email, @name, @wording, @consented, 'pending')
                    ON CONFLICT (channel_id, user_id) DO UPDATE SET id = excluded.id, email = excluded.email, name = excluded.name,
                        wording = excluded.wording, consented_at = excluded.consented_at,
                        status = CASE WHEN newsletter_subscribers.status = 'confirmed' AND newsletter_subscribers.id = excluded.id THEN 'confirmed' ELSE 'pending' END,
                        confirmed_at = CASE WHEN newsletter_subscribers.status = 'confirmed' AND newsletter_subscribers.id = excluded.id THEN newsletter_subscribers.confirmed_at ELSE NULL END,
                        unsubscribed_at = NULL;
                    """))
                {
                    Reader(upsert, signup.Reader);
                    upsert.Parameters.AddWithValue("@id", id);
                    upsert.Parameters.AddWithValue("@email", signup.Email);
                    upsert.Parameters.AddWithValue("@name", (object?)signup.Name ?? DBNull.Value);
                    upsert.Parameters.AddWithValue("@wording", (object?)signup.Wording ?? DBNull.Value);
                    upsert.Parameters.AddWithValue("@consented", signup.ConsentedAt.ToUnixTimeMilliseconds());
                    await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                using (var token = Command(connection, transaction, "INSERT INTO newsletter_tokens (id, subscriber_id, email, expires_at) VALUES (@t, @id, @email, @exp);"))
                {
                    token.Parameters.AddWithValue("@t", tokenId);
                    token.Parameters.AddWithValue("@id", id);
                    token.Parameters.AddWithValue("@email", signup.Email);
                    token.Parameters.AddWithValue("@exp", expiresAt.ToUnixTimeMilliseconds());
                    await token.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await EnqueueAsync(connection, transaction, id, ConfirmationKind, new JsonObject { ["token"] = tokenId }.ToJsonString(), now, cancellationToken).ConfigureAwait(false);
                await EventAsync(connection, transaction, id, signup.Reader, "confirmation-queued", now, signup.Email, cancellationToken).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Uses a confirmation token: confirms its subscriber, or says why not.</summary>
    public async Task<ConfirmationResult> ConfirmAsync(string tokenId, DateTimeOffset now, bool webhook, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await database.WriteAsync(
            async (connection, transaction) =>
            {
                Subscriber? subscriber;
                long expiresAt;
                bool used;
                string tokenEmail;
                using (var find = Command(connection, transaction, $"""
                    SELECT t.expires_at, t.used_at, t.email, {SubscriberColumns} FROM newsletter_tokens t
                    JOIN newsletter_subscribers s ON s.id = t.subscriber_id WHERE t.id = @t;
                    """))
                {
                    find.Parameters.AddWithValue("@t", tokenId);
                    using var rows = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    if (!await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        return new ConfirmationResult(ConfirmationOutcome.Unknown, null);
                    }

                    expiresAt = rows.GetInt64(0);
                    used = !rows.IsDBNull(1);
                    tokenEmail = rows.GetString(2);
                    subscriber = ReadSubscriber(rows, 3);
                }

                if (subscriber.Status == Unsubscribed || !string.Equals(subscriber.Email, tokenEmail, StringComparison.OrdinalIgnoreCase))
                {
                    return new ConfirmationResult(ConfirmationOutcome.Withdrawn, subscriber);
                }

                if (subscriber.Status == Confirmed || used)
                {
                    return new ConfirmationResult(ConfirmationOutcome.AlreadyConfirmed, subscriber);
                }

                if (expiresAt <= now.ToUnixTimeMilliseconds())
                {
                    return new ConfirmationResult(ConfirmationOutcome.Expired, subscriber);
                }

                using (var update = Command(connection, transaction, """
                    UPDATE newsletter_subscribers SET status = 'confirmed', confirmed_at = @now WHERE id = @id;
                    UPDATE newsletter_tokens SET used_at = @now WHERE id = @t;
                    """))
                {
                    update.Parameters.AddWithValue("@now", now.ToUnixTimeMilliseconds());
                    update.Parameters.AddWithValue("@id", subscriber.Id);
                    update.Parameters.AddWithValue("@t", tokenId);
                    await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                var confirmed = subscriber with { Status = Confirmed, ConfirmedAt = now };
                await EventAsync(connection, transaction, subscriber.Id, subscriber.Reader, "confirmed", now, subscriber.Email, cancellationToken).ConfigureAwait(false);
                if (webhook)
                {
                    await EnqueueAsync(connection, transaction, subscriber.Id, WebhookKind, WebhookPayload("subscriber.confirmed", confirmed, now), now, cancellationToken).ConfigureAwait(false);
                }

                return new ConfirmationResult(ConfirmationOutcome.Confirmed, confirmed);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Unsubscribes by subscriber id (an emailed link) or by reader (the chat); returns who, or null when unknown.</summary>
    public async Task<Subscriber?> UnsubscribeAsync(string? subscriberId, ReaderKey? reader, string source, DateTimeOffset now, bool webhook, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await database.WriteAsync(
            async (connection, transaction) =>
            {
                Subscriber? subscriber = null;
                using (var find = Command(connection, transaction, subscriberId is not null
                    ? $"SELECT {SubscriberColumns} FROM newsletter_subscribers s WHERE s.id = @id;"
                    : $"SELECT {SubscriberColumns} FROM newsletter_subscribers s WHERE s.channel_id = @c AND s.user_id = @u;"))
                {
                    if (subscriberId is not null)
                    {
                        find.Parameters.AddWithValue("@id", subscriberId);
                    }
                    else
                    {
                        Reader(find, reader!.Value);
                    }

                    using var rows = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    if (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        subscriber = ReadSubscriber(rows, 0);
                    }
                }

                if (subscriber is null || subscriber.Status == Unsubscribed)
                {
                    return subscriber;
                }

                using (var update = Command(connection, transaction, """
                    UPDATE newsletter_subscribers SET status = 'unsubscribed', unsubscribed_at = @now WHERE id = @id;
                    UPDATE newsletter_outbox SET state = 'cancelled', reason = 'Unsubscribed before it was sent.'
                        WHERE subscriber_id = @id AND kind = 'confirmation' AND state = 'pending';
                    """))
                {
                    update.Parameters.AddWithValue("@now", now.ToUnixTimeMilliseconds());
                    update.Parameters.AddWithValue("@id", subscriber.Id);
                    await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                var wasConfirmed = subscriber.Status == Confirmed;
                var after = subscriber with { Status = Unsubscribed };
                await EventAsync(connection, transaction, subscriber.Id, subscriber.Reader, "unsubscribed", now, source, cancellationToken).ConfigureAwait(false);

                // The author's list only ever held confirmed subscribers, so only their departure is news to it.
                if (webhook && wasConfirmed)
                {
                    await EnqueueAsync(connection, transaction, subscriber.Id, WebhookKind, WebhookPayload("subscriber.unsubscribed", after, now), now, cancellationToken).ConfigureAwait(false);
                }

                return after;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The subscriber with this id, or null.</summary>
    public async Task<Subscriber?> FindAsync(string subscriberId, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await database.ReadAsync(
            async connection =>
            {
                using var find = connection.CreateCommand();
                find.CommandText = $"SELECT {SubscriberColumns} FROM newsletter_subscribers s WHERE s.id = @id;";
                find.Parameters.AddWithValue("@id", subscriberId);
                using var rows = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                return await rows.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadSubscriber(rows, 0) : null;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Confirmed subscribers, oldest confirmation first.</summary>
    public async Task<List<Subscriber>> ConfirmedAsync(CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await database.ReadAsync(
            async connection =>
            {
                using var find = connection.CreateCommand();
                find.CommandText = $"SELECT {SubscriberColumns} FROM newsletter_subscribers s WHERE s.status = 'confirmed' ORDER BY s.confirmed_at, s.id;";
                var list = new List<Subscriber>();
                using var rows = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    list.Add(ReadSubscriber(rows, 0));
                }

                return list;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Puts rows left 'sending' by a stopped process back in the queue; on PostgreSQL nothing, as another instance may be
    /// sending them (<see cref="TakeDueAsync"/> takes back rows whose lease lapsed).
    /// </summary>
    public async Task RequeueInterruptedAsync(CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        if (database.IsPostgres)
        {
            return;
        }

        await database.WriteAsync(
            async (connection, transaction) =>
            {
                using var command = Command(connection, transaction, "UPDATE newsletter_outbox SET state = 'pending' WHERE state = 'sending';");
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Takes up to <paramref name="limit"/> due rows, marking them 'sending' and counting the attempt. On PostgreSQL each
    /// row is claimed with <c>FOR UPDATE SKIP LOCKED</c> and leased, and a row whose lease lapsed while 'sending' (its
    /// instance died) is taken again.
    /// </summary>
    public async Task<List<OutboxItem>> TakeDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        if (database.IsPostgres)
        {
            return await ClaimDueAsync(now, limit, cancellationToken).ConfigureAwait(false);
        }

        return await database.WriteAsync(
            async (connection, transaction) =>
            {
                var due = new List<OutboxItem>();
                using (var select = Command(connection, transaction, $"""
                    SELECT o.id, o.kind, o.payload, o.attempts, {SubscriberColumns} FROM newsletter_outbox o
                    JOIN newsletter_subscribers s ON s.id = o.subscriber_id
                    WHERE o.state = 'pending' AND o.due_at <= @now ORDER BY o.due_at, o.id LIMIT @limit;
                    """))
                {
                    select.Parameters.AddWithValue("@now", now.ToUnixTimeMilliseconds());
                    select.Parameters.AddWithValue("@limit", limit);
                    using var rows = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        due.Add(new OutboxItem(rows.GetInt64(0), rows.GetString(1), rows.GetString(2), rows.GetInt32(3) + 1, ReadSubscriber(rows, 4)));
                    }
                }

                using var mark = Command(connection, transaction, "UPDATE newsletter_outbox SET state = 'sending', attempts = attempts + 1 WHERE id = @id;");
                var id = mark.Parameters.Add("@id", DbType.Int64);
                foreach (var item in due)
                {
                    id.Value = item.Id;
                    await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                return due;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Settles a taken row: sent, failed for good (recorded on the subscriber when <paramref name="failure"/> is given),
    /// or back to pending at <paramref name="retryAt"/>.
    /// </summary>
    public Task RecordAsync(OutboxItem item, string state, string? reason, DateTimeOffset at, DateTimeOffset? retryAt, string? failure, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                using (var command = Command(connection, transaction, $$"""
                    UPDATE newsletter_outbox SET state = @s, reason = @r, sent_at = CASE WHEN @s = 'sent' THEN @at ELSE sent_at END,
                        due_at = COALESCE(@retry, due_at){{(database.IsPostgres ? ", lease_until = NULL" : string.Empty)}}
                    WHERE id = @id AND state = 'sending';
                    """))
                {
                    command.Parameters.AddWithValue("@id", item.Id);
                    command.Parameters.AddWithValue("@s", state);
                    command.Parameters.AddWithValue("@r", (object?)reason ?? DBNull.Value);
                    command.Parameters.AddWithValue("@at", at.ToUnixTimeMilliseconds());
                    command.Parameters.AddWithValue("@retry", retryAt is { } r ? r.ToUnixTimeMilliseconds() : DBNull.Value);
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                if (item.Kind == ConfirmationKind && (state == "sent" || failure is not null))
                {
                    if (failure is not null)
                    {
                        using var mark = Command(connection, transaction, "UPDATE newsletter_subscribers SET last_failure = @f, last_failure_at = @at WHERE id = @id;");
                        mark.Parameters.AddWithValue("@f", failure);
                        mark.Parameters.AddWithValue("@at", at.ToUnixTimeMilliseconds());
                        mark.Parameters.AddWithValue("@id", item.Subscriber.Id);
                        await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }

                    await EventAsync(connection, transaction, item.Subscriber.Id, item.Subscriber.Reader, failure is null ? "confirmation-sent" : "delivery-failed", at, failure ?? item.Subscriber.Email, cancellationToken).ConfigureAwait(false);
                }

                return 0;
            },
            cancellationToken);

    /// <summary>The outbox row's state (tests and diagnostics).</summary>
    public async Task<List<(string Kind, string State, int Attempts)>> OutboxAsync(string subscriberId, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await database.ReadAsync(
            async connection =>
            {
                using var find = connection.CreateCommand();
                find.CommandText = "SELECT kind, state, attempts FROM newsletter_outbox WHERE subscriber_id = @id ORDER BY id;";
                find.Parameters.AddWithValue("@id", subscriberId);
                var list = new List<(string, string, int)>();
                using var rows = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    list.Add((rows.GetString(0), rows.GetString(1), rows.GetInt32(2)));
                }

                return list;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The link-signing key: stored on first use so links stay valid across restarts.</summary>
    public async Task<byte[]> SigningKeyAsync(CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var value = await database.WriteAsync(
            async (connection, transaction) =>
            {
                using var insert = Command(connection, transaction, "INSERT INTO newsletter_keys (name, value) VALUES ('links', @v) ON CONFLICT (name) DO NOTHING; SELECT value FROM newsletter_keys WHERE name = 'links';");
                insert.Parameters.AddWithValue("@v", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
                return (string)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            },
            cancellationToken).ConfigureAwait(false);
        return Convert.FromBase64String(value);
    }

    /// <summary>The reader's subscriber record and email events, for "export my data".</summary>
    public async Task<JsonNode?> ExportAsync(ReaderKey reader, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var subscribers = await database.ExportForReaderAsync(
            $"SELECT {SubscriberColumns} FROM newsletter_subscribers s WHERE s.channel_id = @c AND s.user_id = @u;",
            reader,
            rows => ReadSubscriber(rows, 0).ToJson(),
            cancellationToken).ConfigureAwait(false);
        var events = await database.ExportForReaderAsync(
            "SELECT kind, at, detail FROM newsletter_events WHERE channel_id = @c AND user_id = @u ORDER BY at, id;",
            reader,
            rows => new JsonObject
            {
                ["event"] = rows.GetString(0),
                ["at"] = Time(rows.GetInt64(1)),
                ["detail"] = rows.IsDBNull(2) ? null : rows.GetString(2),
            },
            cancellationToken).ConfigureAwait(false);
        return subscribers.Count == 0 && events.Count == 0 ? null : new JsonObject { ["subscriber"] = subscribers, ["events"] = events };
    }

    /// <summary>Erases the reader's subscriber record, tokens, queued emails and events.</summary>
    public async Task EraseAsync(ReaderKey reader, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await database.ExecuteForReaderAsync(
            """
            DELETE FROM newsletter_tokens WHERE subscriber_id IN (SELECT id FROM newsletter_subscribers WHERE channel_id = @c AND user_id = @u);
            DELETE FROM newsletter_outbox WHERE subscriber_id IN (SELECT id FROM newsletter_subscribers WHERE channel_id = @c AND user_id = @u)
                OR subscriber_id IN (SELECT subscriber_id FROM newsletter_events WHERE channel_id = @c AND user_id = @u);
            DELETE FROM newsletter_events WHERE channel_id = @c AND user_id = @u;
            DELETE FROM newsletter_subscribers WHERE channel_id = @c AND user_id = @u;
            """,
            reader,
            cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _schemaGate.Dispose();

    private const string SubscriberColumns = "s.id, s.channel_id, s.user_id, s.email, s.name, s.wording, s.consented_at, s.status, s.confirmed_at, s.unsubscribed_at, s.last_failure";

    private static Subscriber ReadSubscriber(DbDataReader rows, int at) => new(
        rows.GetString(at),
        new ReaderKey(rows.GetString(at + 1), rows.GetString(at + 2)),
        rows.GetString(at + 3),
        rows.IsDBNull(at + 4) ? null : rows.GetString(at + 4),
        rows.IsDBNull(at + 5) ? null : rows.GetString(at + 5),
        DateTimeOffset.FromUnixTimeMilliseconds(rows.GetInt64(at + 6)),
        rows.GetString(at + 7),
        rows.IsDBNull(at + 8) ? null : DateTimeOffset.FromUnixTimeMilliseconds(rows.GetInt64(at + 8)),
        rows.IsDBNull(at + 9) ? null : DateTimeOffset.FromUnixTimeMilliseconds(rows.GetInt64(at + 9)),
        rows.IsDBNull(at + 10) ? null : rows.GetString(at + 10));

    private static string WebhookPayload(string type, Subscriber subscriber, DateTimeOffset at) => new JsonObject
    {
        ["type"] = type,
        ["occurredAt"] = at.ToString("O", CultureInfo.InvariantCulture),
        ["subscriber"] = new JsonObject
        {
            ["email"] = subscriber.Email,
            ["name"] = subscriber.Name,
            ["status"] = subscriber.Status,
            ["consentedAt"] = subscriber.ConsentedAt.ToString("O", CultureInfo.InvariantCulture),
            ["consentWording"] = subscriber.Wording,
            ["confirmedAt"] = subscriber.ConfirmedAt?.ToString("O", CultureInfo.InvariantCulture),
            ["sourceChannel"] = subscriber.Reader.ChannelId,
        },
    }.ToJsonString();

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static string Time(long unixMilliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds).ToString("O", CultureInfo.InvariantCulture);

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Reader(DbCommand command, ReaderKey reader)
    {
        command.Parameters.AddWithValue("@c", reader.ChannelId);
        command.Parameters.AddWithValue("@u", reader.UserId);
    }

    private static async Task EnqueueAsync(DbConnection connection, DbTransaction transaction, string subscriberId, string kind, string payload, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var insert = Command(connection, transaction, "INSERT INTO newsletter_outbox (subscriber_id, kind, payload, state, created_at, due_at) VALUES (@id, @k, @p, 'pending', @due, @due);");
        insert.Parameters.AddWithValue("@id", subscriberId);
        insert.Parameters.AddWithValue("@k", kind);
        insert.Parameters.AddWithValue("@p", payload);
        insert.Parameters.AddWithValue("@due", now.ToUnixTimeMilliseconds());
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task EventAsync(DbConnection connection, DbTransaction transaction, string subscriberId, ReaderKey reader, string kind, DateTimeOffset at, string? detail, CancellationToken cancellationToken)
    {
        using var insert = Command(connection, transaction, "INSERT INTO newsletter_events (subscriber_id, channel_id, user_id, kind, at, detail) VALUES (@id, @c, @u, @k, @at, @d);");
        insert.Parameters.AddWithValue("@id", subscriberId);
        Reader(insert, reader);
        insert.Parameters.AddWithValue("@k", kind);
        insert.Parameters.AddWithValue("@at", at.ToUnixTimeMilliseconds());
        insert.Parameters.AddWithValue("@d", (object?)detail ?? DBNull.Value);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private Task<List<OutboxItem>> ClaimDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                using var claim = Command(connection, transaction, """
                    WITH claimed AS (
                        SELECT id FROM newsletter_outbox
                        WHERE (state = 'pending' AND due_at <= @now) OR (state = 'sending' AND lease_until < @now)
                        ORDER BY due_at, id LIMIT @limit
                        FOR UPDATE SKIP LOCKED)
                    UPDATE newsletter_outbox AS o SET state = 'sending', attempts = o.attempts + 1, lease_until = @until
                    FROM claimed WHERE o.id = claimed.id
                    RETURNING o.id;
                    """);
                claim.Parameters.AddWithValue("@now", now.ToUnixTimeMilliseconds());
                claim.Parameters.AddWithValue("@until", database.LeaseUntil());
                claim.Parameters.AddWithValue("@limit", limit);
                var ids = new List<long>();
                using (var rows = await claim.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
                {
                    while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        ids.Add(rows.GetInt64(0));
                    }
                }

                var due = new List<OutboxItem>();
                if (ids.Count == 0)
                {
                    return due;
                }

                using var select = Command(connection, transaction, $"""
                    SELECT o.id, o.kind, o.payload, o.attempts, {SubscriberColumns} FROM newsletter_outbox o
                    JOIN newsletter_subscribers s ON s.id = o.subscriber_id
                    WHERE o.id = ANY(@ids) ORDER BY o.due_at, o.id;
                    """);
                select.Parameters.AddWithValue("@ids", ids.ToArray());
                using var found = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await found.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    // attempts already counts this one.
                    due.Add(new OutboxItem(found.GetInt64(0), found.GetString(1), found.GetString(2), found.GetInt32(3), ReadSubscriber(found, 4)));
                }

                return due;
            },
            cancellationToken);

    private async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_created)
        {
            return;
        }

        await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // On PostgreSQL these tables are in the proactive migrations.
            if (!_created && !database.IsPostgres)
            {
                await database.WriteAsync(
                    async (connection, transaction) =>
                    {
                        using var command = Command(connection, transaction, Schema);
                        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    },
                    cancellationToken).ConfigureAwait(false);
                _created = true;
            }
        }
        finally
        {
            _schemaGate.Release();
        }
    }
}
