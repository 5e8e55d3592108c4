using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace AuthorBot.BotFramework.State;

/// <summary>
/// An <see cref="IStorage"/> in one SQLite file: the embedded default. The file and its folder are created on first
/// use; the database runs in WAL mode so readers never block the writer; each caller's batch is all-or-nothing (a
/// savepoint) inside one IMMEDIATE transaction per group of queued batches, so concurrent turns in this process (and
/// other processes on the same file) see all-or-nothing writes and ETag checks that cannot interleave; this process's
/// writers queue and commit together before asking SQLite for the lock. Connections come from Microsoft.Data.Sqlite's pool.
/// </summary>
public sealed class SqliteStorage : IStorage, IDisposable
{
    // SQLite allows 32766 host parameters; reads are chunked well below that.
    private const int KeysPerQuery = 500;

    // Enough to absorb every turn waiting on a busy host in one commit, few enough that the first caller in a long
    // queue is not held behind a huge transaction.
    private const int MaxWritesPerCommit = 256;
    private const string BatchSavepoint = "batch";

    private readonly string _connectionString;
    private readonly string _path;
    private readonly JsonSerializerOptions _options;
    private readonly SemaphoreSlim _initGate = new(1, 1);

    // SQLite has one writer per file; when writers collide, Microsoft.Data.Sqlite retries by sleeping 150 ms, which
    // turns a busy bot's write contention into seconds of latency. Writers of this process queue here instead.
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ConcurrentQueue<QueuedStateWrite> _queue = new();
    private volatile bool _initialized;
    private long _commits;
    private int _writesInProgress;

    /// <summary>Creates a store over the SQLite file at <paramref name="databasePath"/> (created on first use).</summary>
    /// <param name="databasePath">The database file path; relative paths are relative to the current directory.</param>
    /// <param name="serializerOptions">How written values become JSON; defaults to <see cref="StateJson.Options"/>.</param>
    public SqliteStorage(string databasePath, JsonSerializerOptions? serializerOptions = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        _path = Path.GetFullPath(databasePath);
        _options = serializerOptions ?? StateJson.Options;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath => _path;

    /// <summary>Calls to <see cref="WriteAsync"/> under way: queued, or in a transaction not yet committed.</summary>
    internal int WritesInProgress => Volatile.Read(ref _writesInProgress);

    /// <summary>Write transactions committed by this instance: fewer than the writes when group commit is grouping.</summary>
    internal long Commits => Interlocked.Read(ref _commits);

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

        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            foreach (var chunk in keys.Distinct(StringComparer.Ordinal).Chunk(KeysPerQuery))
            {
                var command = connection.CreateCommand();
                await using (command.ConfigureAwait(false))
                {
                    var sql = new StringBuilder("SELECT key, json, etag FROM documents WHERE key IN (");
                    for (var i = 0; i < chunk.Length; i++)
                    {
                        var name = "$k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        sql.Append(i == 0 ? name : "," + name);
                        command.Parameters.AddWithValue(name, chunk[i]);
                    }

                    command.CommandText = sql.Append(')').ToString();
                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            result[reader.GetString(0)] = StoreDocumentCodec.Decode(reader.GetString(1), reader.GetString(2));
                        }
                    }
                }
            }
        }

        return result;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Group commit: concurrent callers' batches queue up, and whichever caller gets the write gate commits everything
    /// queued so far in one IMMEDIATE transaction, each batch inside its own savepoint. A batch whose ETag check fails
    /// is rolled back to its savepoint alone and its caller gets the <see cref="StorageConcurrencyException"/>; the
    /// others commit. Every caller's task completes only after the COMMIT that holds its batch returned, so a turn
    /// still does not answer before its state is stored; what changes is that N waiting turns cost one transaction
    /// (one WAL append and lock round) instead of N.
    /// </remarks>
    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var documents = changes.Select(change => StoreDocumentCodec.Encode(change.Key, change.Value, _options)).ToList();
        if (documents.Count == 0)
        {
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        Interlocked.Increment(ref _writesInProgress);
        try
        {
            await WriteQueuedAsync(documents, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _writesInProgress);
        }
    }

    private async Task WriteQueuedAsync(List<EncodedDocument> documents, CancellationToken cancellationToken)
    {
        var write = new QueuedStateWrite(documents);
        _queue.Enqueue(write);
        while (!write.Outcome.IsCompleted)
        {
            try
            {
                await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Withdrawn unless a writer already took it; then its outcome is what happened.
                write.TryCancel(cancellationToken);
                break;
            }

            try
            {
                if (!write.Outcome.IsCompleted)
                {
                    // SQLite calls complete synchronously, so on a busy core the other turns would never get to queue
                    // behind this one: yielding once lets the turns already waiting to run reach the queue first, and
                    // the commit takes them along.
                    await Task.Yield();
                    await CommitQueuedAsync().ConfigureAwait(false);
                }
            }
            finally
            {
                _writeGate.Release();
            }
        }

        var eTags = await write.Outcome.ConfigureAwait(false);
        for (var i = 0; i < documents.Count; i++)
        {
            documents[i].Item?.ETag = eTags[i];
        }
    }

    // Runs under the write gate. Not cancellable: the batches belong to other callers too, and a cancelled COMMIT would
    // leave them not knowing whether they were stored.
    private async Task CommitQueuedAsync()
    {
        var batch = new List<QueuedStateWrite>();
        while (batch.Count < MaxWritesPerCommit && _queue.TryDequeue(out var queued))
        {
            if (queued.TryClaim())
            {
                batch.Add(queued);
            }
        }

        if (batch.Count == 0)
        {
            return;
        }

        var outcomes = new List<(QueuedStateWrite Write, IReadOnlyList<string>? ETags, string? ConflictKey)>(batch.Count);
        try
        {
            var connection = await OpenForWriteAsync(CancellationToken.None).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                // IMMEDIATE takes the write lock up front, so the ETag checks and the writes cannot interleave with
                // another process's writer.
                var transaction = connection.BeginTransaction(deferred: false);
                await using (transaction.ConfigureAwait(false))
                {
                    foreach (var write in batch)
                    {
                        outcomes.Add(await WriteBatchAsync(connection, transaction, write).ConfigureAwait(false));
                    }

                    await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                    Interlocked.Increment(ref _commits);
                }
            }
        }
        catch (Exception ex)
        {
            // Nothing of this transaction is stored: every batch in it fails the same way.
            foreach (var write in batch)
            {
                write.Failed(ex);
            }

            return;
        }

        foreach (var (write, eTags, conflictKey) in outcomes)
        {
            if (conflictKey is null)
            {
                write.Committed(eTags!);
            }
            else
            {
                write.Failed(StorageConcurrencyException.ForKey(conflictKey));
            }
        }
    }

    private static async Task<(QueuedStateWrite Write, IReadOnlyList<string>? ETags, string? ConflictKey)> WriteBatchAsync(
        SqliteConnection connection, SqliteTransaction transaction, QueuedStateWrite write)
    {
        await transaction.SaveAsync(BatchSavepoint, CancellationToken.None).ConfigureAwait(false);
        var eTags = new string[write.Documents.Count];
        for (var i = 0; i < eTags.Length; i++)
        {
            var document = write.Documents[i];
            eTags[i] = StorageETag.NewETag();
            if (!await WriteOneAsync(connection, transaction, document, eTags[i], CancellationToken.None).ConfigureAwait(false))
            {
                // All-or-nothing per caller's batch: its earlier documents go, the other callers' batches stay.
                await transaction.RollbackAsync(BatchSavepoint, CancellationToken.None).ConfigureAwait(false);
                await transaction.ReleaseAsync(BatchSavepoint, CancellationToken.None).ConfigureAwait(false);
                return (write, null, document.Key);
            }
        }

        await transaction.ReleaseAsync(BatchSavepoint, CancellationToken.None).ConfigureAwait(false);
        return (write, eTags, null);
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

        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await DeleteKeysAsync(keys, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task DeleteKeysAsync(string[] keys, CancellationToken cancellationToken)
    {
        var connection = await OpenForWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = connection.BeginTransaction(deferred: false);
            await using (transaction.ConfigureAwait(false))
            {
                foreach (var key in keys)
                {
                    await ExecuteAsync(connection, transaction, "DELETE FROM documents WHERE key = $key", cancellationToken, ("$key", key)).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Releases the pooled connections to the file (so it can be moved or deleted) and the init lock.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        _initGate.Dispose();
        _writeGate.Dispose();
    }

    private static async Task<bool> WriteOneAsync(SqliteConnection connection, SqliteTransaction transaction, EncodedDocument document, string newETag, CancellationToken cancellationToken)
    {
        var values = new (string, object)[] { ("$key", document.Key), ("$json", document.Json), ("$etag", newETag) };
        if (StorageETag.IsUnconditional(document.ExpectedETag))
        {
            await ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO documents (key, json, etag) VALUES ($key, $json, $etag) ON CONFLICT(key) DO UPDATE SET json = excluded.json, etag = excluded.etag",
                cancellationToken,
                values).ConfigureAwait(false);
            return true;
        }

        if (document.ExpectedETag == StorageETag.CreateOnly)
        {
            return await ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO documents (key, json, etag) VALUES ($key, $json, $etag) ON CONFLICT(key) DO NOTHING",
                cancellationToken,
                values).ConfigureAwait(false) == 1;
        }

        return await ExecuteAsync(
            connection,
            transaction,
            "UPDATE documents SET json = $json, etag = $etag WHERE key = $key AND etag = $expected",
            cancellationToken,
            [.. values, ("$expected", document.ExpectedETag!)]).ConfigureAwait(false) == 1;
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = sql;
            command.Transaction = transaction;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<SqliteConnection> OpenForWriteAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // In WAL mode NORMAL still survives a crash of the process (the WAL is written before the commit returns);
            // only a power cut can drop the last commits, and it saves an fsync on every turn. It is per connection.
            await ExecuteAsync(connection, null, "PRAGMA synchronous=NORMAL", cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
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

            var folder = Path.GetDirectoryName(_path);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            var connection = new SqliteConnection(_connectionString);
            await using (connection.ConfigureAwait(false))
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

                // WAL is a property of the file, so setting it once here covers every later connection.
                await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL", cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(
                    connection,
                    null,
                    "CREATE TABLE IF NOT EXISTS documents (key TEXT NOT NULL PRIMARY KEY, json TEXT NOT NULL, etag TEXT NOT NULL) WITHOUT ROWID",
                    cancellationToken).ConfigureAwait(false);
            }

            _initialized = true;
        }
        finally
        {
            _initGate.Release();
        }
    }
}
