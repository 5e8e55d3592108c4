using System.Data.Common;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace AuthorBot.BotFramework.State;

/// <summary>
/// An <see cref="IStorage"/> in one SQLite file: the embedded default. The file and its folder are created on first
/// use; the database runs in WAL mode so readers never block the writer; each batch is one IMMEDIATE transaction, so
/// concurrent turns in this process (and other processes on the same file) see all-or-nothing writes and ETag checks
/// that cannot interleave; this process's writers take turns before asking SQLite for the lock. Connections come from Microsoft.Data.Sqlite's pool.
/// </summary>
public sealed class SqliteStorage : IStorage, IDisposable
{
    // SQLite allows 32766 host parameters; reads are chunked well below that.
    private const int KeysPerQuery = 500;

    private readonly string _connectionString;
    private readonly string _path;
    private readonly JsonSerializerOptions _options;
    private readonly SemaphoreSlim _initGate = new(1, 1);

    // SQLite has one writer per file; when writers collide, Microsoft.Data.Sqlite retries by sleeping 150 ms, which
    // turns a busy bot's write contention into seconds of latency. Writers of this process queue here instead.
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private volatile bool _initialized;

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
    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var documents = changes.Select(change => StoreDocumentCodec.Encode(change.Key, change.Value, _options)).ToList();
        if (documents.Count == 0)
        {
            return;
        }

        var written = new List<(EncodedDocument Document, string ETag)>(documents.Count);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await WriteDocumentsAsync(documents, written, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }

        foreach (var (document, eTag) in written)
        {
            document.Item?.ETag = eTag;
        }
    }

    private async Task WriteDocumentsAsync(List<EncodedDocument> documents, List<(EncodedDocument Document, string ETag)> written, CancellationToken cancellationToken)
    {
        var connection = await OpenForWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // IMMEDIATE takes the write lock up front, so the ETag check and the write cannot interleave with another writer.
            var transaction = connection.BeginTransaction(deferred: false);
            await using (transaction.ConfigureAwait(false))
            {
                foreach (var document in documents)
                {
                    var eTag = StorageETag.NewETag();
                    var changed = await WriteOneAsync(connection, transaction, document, eTag, cancellationToken).ConfigureAwait(false);
                    if (!changed)
                    {
                        await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                        throw StorageConcurrencyException.ForKey(document.Key);
                    }

                    written.Add((document, eTag));
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
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
