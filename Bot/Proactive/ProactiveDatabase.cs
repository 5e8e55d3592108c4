using System.Data.Common;
using System.Text.Json.Nodes;
using AuthorBot.BotFramework.State;
using AuthorBot.Dialogs.Profile;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AuthorBot.Bot.Proactive;

/// <summary>
/// The SQLite file behind proactive messaging: conversation references, reader activity, reminders, announcements and
/// their delivery records, links, clicks, replies and RSVPs, and the service URLs channels authenticated; and, for the
/// author, the messages the bot did not understand and the inbox of messages readers handed off. One file so an audience query can join references with deliveries and
/// a delivery's state changes are single-row transactions.
/// </summary>
/// <remarks>
/// Why SQLite and not <c>IStorage</c>: the key/value store cannot enumerate or query, and every step here is a query
/// ("readers interested in fantasy with a reference", "the next 500 due deliveries", "progress by state"). WAL with
/// synchronous=NORMAL survives a killed process (a committed transaction is in the WAL before COMMIT returns); only a
/// power loss may drop the last commits, which the delivery engine treats like a crash mid-send.
/// Writers of this process take turns on a gate rather than colliding on SQLite's busy-retry sleep.
/// <para>With <c>Storage:Provider=Postgres</c> the same tables live in PostgreSQL (<see cref="OnPostgres"/>), so several
/// instances share them; the schema is then <see cref="ProactivePostgresSchema"/>'s versioned migrations. The stores keep
/// one SQL text where both engines agree (named <c>@</c> parameters, <c>ON CONFLICT</c>, <c>RETURNING</c>, <c>CASE</c>
/// instead of summed booleans) and ask <see cref="IsPostgres"/> only where they differ (JSON arrays, leases).</para>
/// <para>The due-deliveries index is partial (pending rows only). The earlier (state, due_at) index also matched
/// "state = 'sent'", and without ANALYZE statistics SQLite preferred it to the per-reader index for the weekly-cap
/// count, scanning every sent delivery ever made for each batch (115 ms per 200 readers at 10,000 sent rows, growing
/// with history); the old index is dropped on start-up.</para>
/// </remarks>
internal sealed class ProactiveDatabase : IDisposable
{
    private const int MaxWriteAttempts = 3;

    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS conversation_references (
            channel_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            adapter TEXT NOT NULL,
            service_url TEXT,
            tenant_id TEXT,
            is_group INTEGER NOT NULL,
            reference_json TEXT NOT NULL,
            captured_at INTEGER NOT NULL,
            last_active_at INTEGER,
            unreachable_at INTEGER,
            unreachable_reason TEXT,
            PRIMARY KEY (channel_id, user_id, conversation_id));
        CREATE TABLE IF NOT EXISTS reader_activity (
            channel_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            utc_hour INTEGER NOT NULL,
            active_days INTEGER NOT NULL,
            last_day INTEGER NOT NULL,
            PRIMARY KEY (channel_id, user_id, utc_hour));
        CREATE TABLE IF NOT EXISTS announcements (
            id TEXT PRIMARY KEY,
            name TEXT,
            created_at INTEGER NOT NULL,
            status TEXT NOT NULL,
            definition_json TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS deliveries (
            id INTEGER PRIMARY KEY,
            announcement_id TEXT NOT NULL,
            channel_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            variant TEXT NOT NULL,
            idempotency_key TEXT NOT NULL UNIQUE,
            state TEXT NOT NULL,
            reason TEXT,
            due_at INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            sent_at INTEGER,
            activity_id TEXT,
            UNIQUE (announcement_id, channel_id, user_id));
        DROP INDEX IF EXISTS ix_deliveries_due;
        CREATE INDEX IF NOT EXISTS ix_deliveries_pending_due ON deliveries (due_at) WHERE state = 'pending';
        CREATE INDEX IF NOT EXISTS ix_deliveries_announcement ON deliveries (announcement_id, state);
        CREATE INDEX IF NOT EXISTS ix_deliveries_reader ON deliveries (channel_id, user_id, sent_at);
        CREATE TABLE IF NOT EXISTS links (
            token TEXT PRIMARY KEY,
            delivery_id INTEGER NOT NULL,
            url TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_links_delivery ON links (delivery_id);
        CREATE TABLE IF NOT EXISTS clicks (
            id INTEGER PRIMARY KEY,
            delivery_id INTEGER NOT NULL,
            token TEXT NOT NULL,
            clicked_at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_clicks_delivery ON clicks (delivery_id);
        CREATE TABLE IF NOT EXISTS reminders (
            id TEXT PRIMARY KEY,
            channel_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            due_at INTEGER NOT NULL,
            text TEXT NOT NULL,
            state TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            sent_at INTEGER,
            reason TEXT);
        CREATE INDEX IF NOT EXISTS ix_reminders_due ON reminders (state, due_at);
        CREATE INDEX IF NOT EXISTS ix_reminders_reader ON reminders (channel_id, user_id);
        CREATE TABLE IF NOT EXISTS replies (
            delivery_id INTEGER PRIMARY KEY,
            replied_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS rsvps (
            delivery_id INTEGER PRIMARY KEY,
            event_id TEXT NOT NULL,
            rsvped_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS trusted_service_urls (
            service_url TEXT PRIMARY KEY,
            trusted_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS intent_misses (
            id INTEGER PRIMARY KEY,
            text TEXT NOT NULL,
            channel_id TEXT,
            missed_at INTEGER NOT NULL,
            guess TEXT,
            guess_score REAL NOT NULL,
            second_guess TEXT,
            second_score REAL NOT NULL,
            label TEXT,
            labelled_at INTEGER);
        CREATE TABLE IF NOT EXISTS author_inbox (
            id INTEGER PRIMARY KEY,
            channel_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            reader_name TEXT,
            message TEXT NOT NULL,
            contact TEXT,
            contact_consent TEXT,
            received_at INTEGER NOT NULL,
            reason TEXT NOT NULL,
            sentiment REAL NOT NULL,
            read_at INTEGER);
        CREATE INDEX IF NOT EXISTS ix_author_inbox_reader ON author_inbox (channel_id, user_id);
        """;

    private readonly string? _connectionString;
    private readonly NpgsqlDataSource? _postgres;
    private readonly TimeProvider _time = TimeProvider.System;
    private readonly SemaphoreSlim _initGate = new(1, 1);
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly SqliteConnection? _memoryKeeper;
    private volatile bool _initialized;

    /// <summary>A database in the file at <paramref name="path"/> (created on first use).</summary>
    public ProactiveDatabase(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    private ProactiveDatabase()
    {
        // A shared-cache in-memory database lives while one connection to it is open.
        Path = ":memory:";
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = "proactive-" + Guid.NewGuid().ToString("N"),
            Mode = SqliteOpenMode.Memory,
            Cache = SqliteCacheMode.Shared,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();
        _memoryKeeper = new SqliteConnection(_connectionString);
        _memoryKeeper.Open();
    }

    private ProactiveDatabase(NpgsqlDataSource dataSource, TimeSpan leaseDuration, TimeProvider time)
    {
        Path = "postgres";
        _postgres = dataSource;
        LeaseDuration = leaseDuration;
        _time = time;
    }

    /// <summary>The database file, ":memory:", or "postgres".</summary>
    public string Path { get; }

    /// <summary>
    /// How long a queue row taken by one instance (a delivery, a reminder, an outbox email) is that instance's before
    /// another may take it (PostgreSQL only): long enough to cover a send, short enough that a dead instance's rows
    /// move on soon.
    /// </summary>
    public TimeSpan LeaseDuration { get; } = TimeSpan.FromMinutes(2);

    /// <summary>True when the tables are in PostgreSQL, shared by every instance on the same database.</summary>
    public bool IsPostgres => _postgres is not null;

    /// <summary>A database that lives as long as this object (for hosts whose bot state is in memory too).</summary>
    public static ProactiveDatabase InMemory() => new();

    /// <summary>The tables in PostgreSQL (migrated on first use); the data source stays the caller's.</summary>
    public static ProactiveDatabase OnPostgres(NpgsqlDataSource dataSource, TimeSpan leaseDuration, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        return new(dataSource, leaseDuration, time);
    }

    /// <summary>The end of a lease taken now, in Unix milliseconds.</summary>
    public long LeaseUntil() => (_time.GetUtcNow() + LeaseDuration).ToUnixTimeMilliseconds();

    /// <summary>The statement for this engine: <paramref name="sqlite"/> or <paramref name="postgres"/>.</summary>
    public string Sql(string sqlite, string postgres) => IsPostgres ? postgres : sqlite;

    /// <summary>Opens a pooled connection (creating the file and schema, or migrating PostgreSQL, on first use).</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = OFF;";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one write transaction (IMMEDIATE on SQLite, READ COMMITTED on PostgreSQL, where
    /// the stores' conditional updates re-check their row under its lock), after this process's other writers.
    /// </summary>
    /// <remarks>
    /// On PostgreSQL two instances can lock the same rows in different orders (a cancel sweeping an announcement's
    /// pending deliveries while another instance marks some of them "sending"); the server then aborts one transaction
    /// as a deadlock. That transaction changed nothing, so it runs again, a bounded number of times, instead of failing
    /// the request or the batch that happened to lose.
    /// </remarks>
    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await WriteOnceAsync(work, cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException exception) when (attempt < MaxWriteAttempts && exception.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
            {
                // Rolled back by the server; try again.
            }
        }
    }

    private async Task<T> WriteOnceAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var transaction = connection is SqliteConnection sqlite
                    ? sqlite.BeginTransaction(deferred: false)
                    : await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    var result = await work(connection, transaction).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return result;
                }
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// Runs <paramref name="sql"/> (one or more statements) in one write transaction with the reader bound to
    /// <c>@c</c> (channel id) and <c>@u</c> (user id); returns the rows changed. What the privacy erasers share.
    /// </summary>
    public Task<int> ExecuteForReaderAsync(string sql, ReaderKey reader, CancellationToken cancellationToken) =>
        WriteAsync(
            async (connection, transaction) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = sql;
                command.Parameters.AddWithValue("@c", reader.ChannelId);
                command.Parameters.AddWithValue("@u", reader.UserId);
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    /// <summary>
    /// Reads the reader's rows (the reader bound to <c>@c</c> and <c>@u</c> as in
    /// <see cref="ExecuteForReaderAsync"/>), one JSON object each; what the privacy exporters share.
    /// </summary>
    public Task<JsonArray> ExportForReaderAsync(string sql, ReaderKey reader, Func<DbDataReader, JsonObject> toJson, CancellationToken cancellationToken) =>
        ReadAsync(
            async connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                command.Parameters.AddWithValue("@c", reader.ChannelId);
                command.Parameters.AddWithValue("@u", reader.UserId);
                var items = new JsonArray();
                using var rows = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    items.Add(toJson(rows));
                }

                return items;
            },
            cancellationToken);

    /// <summary>Runs <paramref name="work"/> on a read connection.</summary>
    public async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await work(connection).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _memoryKeeper?.Dispose();
        _initGate.Dispose();
        _writeGate.Dispose();
    }

    private async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (_initialized)
        {
            return;
        }

        await _initGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_initialized)
            {
                return;
            }

            if (_postgres is not null)
            {
                // Not yet migrated (or the database was down last time): try again on this use.
                await PostgresMigrator.MigrateAsync(_postgres, ProactivePostgresSchema.Component, ProactivePostgresSchema.Migrations, cancellationToken).ConfigureAwait(false);
                _initialized = true;
                return;
            }

            var folder = _memoryKeeper is null ? System.IO.Path.GetDirectoryName(Path) : null;
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            var connection = new SqliteConnection(_connectionString);
            await using (connection.ConfigureAwait(false))
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                using var command = connection.CreateCommand();
                command.CommandText = Schema;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            _initialized = true;
        }
        finally
        {
            _initGate.Release();
        }
    }
}
