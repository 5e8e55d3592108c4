using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace AuthorBot.BotFramework.State;

/// <summary>
/// An <see cref="IStorage"/> in PostgreSQL, for several instances sharing one database. A batch is one transaction;
/// an ETag check is the <c>WHERE</c> of its own <c>UPDATE</c> (or <c>INSERT ... ON CONFLICT DO NOTHING</c> for a
/// create-only write), so under PostgreSQL's row locks two writers of one version cannot both succeed, whichever
/// instance they run in. The table is created by <see cref="PostgresMigrator"/> on first use.
/// </summary>
public sealed class PostgresStorage : IStorage
{
    /// <summary>The name the state table's migrations are recorded under.</summary>
    public const string MigrationComponent = "bot-state";

    private static readonly PostgresMigration[] _migrations =
    [
        new(1, "bot state documents", "CREATE TABLE bot_state (key text PRIMARY KEY, json text NOT NULL, etag text NOT NULL)"),
    ];

    private readonly NpgsqlDataSource _dataSource;
    private readonly JsonSerializerOptions _options;
    private readonly Lock _migrationGate = new();
    private Task? _migration;

    /// <summary>Creates a store over <paramref name="dataSource"/>.</summary>
    /// <param name="dataSource">The database (its pool is shared with whoever else uses it).</param>
    /// <param name="serializerOptions">How written values become JSON; defaults to <see cref="StateJson.Options"/>.</param>
    public PostgresStorage(NpgsqlDataSource dataSource, JsonSerializerOptions? serializerOptions = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
        _options = serializerOptions ?? StateJson.Options;
    }

    /// <summary>
    /// Creates the state table if this database does not have it yet (safe from several instances at once). Every
    /// caller waits for the same run; a failed run (the database was down) is tried again by the next caller.
    /// </summary>
    /// <param name="cancellationToken">Stops this caller's wait, not the run others may be waiting for.</param>
    /// <returns>A task that completes once the table exists.</returns>
    public Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        lock (_migrationGate)
        {
            if (_migration is null || _migration.IsFaulted || _migration.IsCanceled)
            {
                _migration = PostgresMigrator.MigrateAsync(_dataSource, MigrationComponent, _migrations, CancellationToken.None);
            }

            return _migration.IsCompletedSuccessfully ? Task.CompletedTask : _migration.WaitAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            StoreDocumentCodec.ValidateKey(key);
        }

        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        if (keys.Length == 0)
        {
            return result;
        }

        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        var command = _dataSource.CreateCommand("SELECT key, json, etag FROM bot_state WHERE key = ANY(@keys)");
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.Add(new NpgsqlParameter<string[]>("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = keys });
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    result[reader.GetString(0)] = StoreDocumentCodec.Decode(reader.GetString(1), reader.GetString(2));
                }
            }
        }

        return result;
    }

    /// <inheritdoc />
    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);

        // Rows are locked in key order, so two batches over the same keys queue instead of deadlocking.
        var documents = changes
            .Select(change => StoreDocumentCodec.Encode(change.Key, change.Value, _options))
            .OrderBy(document => document.Key, StringComparer.Ordinal)
            .ToList();
        if (documents.Count == 0)
        {
            return;
        }

        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        var eTags = documents.Select(_ => StorageETag.NewETag()).ToArray();
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                // One round trip for the whole batch; each statement's row count says whether its ETag matched.
                var batch = new NpgsqlBatch(connection, transaction);
                await using (batch.ConfigureAwait(false))
                {
                    for (var i = 0; i < documents.Count; i++)
                    {
                        batch.BatchCommands.Add(WriteCommand(documents[i], eTags[i]));
                    }

                    await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    for (var i = 0; i < documents.Count; i++)
                    {
                        if (batch.BatchCommands[i].RecordsAffected != 1)
                        {
                            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                            throw StorageConcurrencyException.ForKey(documents[i].Key);
                        }
                    }
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        for (var i = 0; i < documents.Count; i++)
        {
            documents[i].Item?.ETag = eTags[i];
        }
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            StoreDocumentCodec.ValidateKey(key);
        }

        if (keys.Length == 0)
        {
            return;
        }

        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        var command = _dataSource.CreateCommand("DELETE FROM bot_state WHERE key = ANY(@keys)");
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.Add(new NpgsqlParameter<string[]>("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = keys });
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static NpgsqlBatchCommand WriteCommand(EncodedDocument document, string newETag)
    {
        var sql = StorageETag.IsUnconditional(document.ExpectedETag)
            ? "INSERT INTO bot_state (key, json, etag) VALUES ($1, $2, $3) ON CONFLICT (key) DO UPDATE SET json = excluded.json, etag = excluded.etag"
            : document.ExpectedETag == StorageETag.CreateOnly
                ? "INSERT INTO bot_state (key, json, etag) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING"
                : "UPDATE bot_state SET json = $2, etag = $3 WHERE key = $1 AND etag = $4";
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = document.Key });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = document.Json });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = newETag });
        if (!StorageETag.IsUnconditional(document.ExpectedETag) && document.ExpectedETag != StorageETag.CreateOnly)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = document.ExpectedETag });
        }

        return command;
    }
}
