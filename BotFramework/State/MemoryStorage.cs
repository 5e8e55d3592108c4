using System.Text.Json;

namespace AuthorBot.BotFramework.State;

/// <summary>
/// An in-process <see cref="IStorage"/> for tests and single-instance demos. Thread-safe; documents are kept as
/// JSON text so callers never share mutable objects with the store.
/// </summary>
public sealed class MemoryStorage : IStorage
{
    private readonly Dictionary<string, StoredRow> _rows = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly JsonSerializerOptions _options;

    /// <summary>Creates an empty store.</summary>
    /// <param name="serializerOptions">How written values become JSON; defaults to <see cref="StateJson.Options"/>.</param>
    public MemoryStorage(JsonSerializerOptions? serializerOptions = null)
    {
        _options = serializerOptions ?? StateJson.Options;
    }

    /// <inheritdoc />
    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        var found = new List<(string Key, StoredRow Row)>(keys.Length);
        lock (_gate)
        {
            foreach (var key in keys)
            {
                StoreDocumentCodec.ValidateKey(key);
                if (_rows.TryGetValue(key, out var row))
                {
                    found.Add((key, row));
                }
            }
        }

        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, row) in found)
        {
            result[key] = StoreDocumentCodec.Decode(row.Json, row.ETag);
        }

        return Task.FromResult<IDictionary<string, object>>(result);
    }

    /// <inheritdoc />
    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        var documents = changes.Select(change => StoreDocumentCodec.Encode(change.Key, change.Value, _options)).ToList();
        var written = new List<(EncodedDocument Document, string ETag)>(documents.Count);
        lock (_gate)
        {
            // Check every ETag before touching anything so a conflict leaves the whole batch unwritten.
            foreach (var document in documents)
            {
                var stored = _rows.TryGetValue(document.Key, out var row) ? row.ETag : null;
                if (!StorageETag.Allows(document.ExpectedETag, stored))
                {
                    throw StorageConcurrencyException.ForKey(document.Key);
                }
            }

            foreach (var document in documents)
            {
                var eTag = StorageETag.NewETag();
                _rows[document.Key] = new StoredRow(document.Json, eTag);
                written.Add((document, eTag));
            }
        }

        foreach (var (document, eTag) in written)
        {
            document.Item?.ETag = eTag;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            foreach (var key in keys)
            {
                StoreDocumentCodec.ValidateKey(key);
                _rows.Remove(key);
            }
        }

        return Task.CompletedTask;
    }

    private readonly record struct StoredRow(string Json, string ETag);
}
