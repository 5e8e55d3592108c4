namespace AuthorBot.BotFramework.State;

/// <summary>
/// A key/value store of JSON documents with ETag concurrency, shaped like Bot Builder's <c>IStorage</c>.
/// </summary>
/// <remarks>
/// Values are JSON documents. <see cref="ReadAsync"/> returns each found document as a
/// <see cref="System.Text.Json.JsonElement"/> object whose <c>eTag</c> property carries the stored ETag
/// (use <see cref="StorageExtensions.ReadAsync{T}"/> for typed reads). <see cref="WriteAsync"/> accepts any
/// JSON-serializable value; its ETag comes from <see cref="IStoreItem.ETag"/> or an <c>eTag</c> property of the document.
/// A write is all-or-nothing for its batch: if one key's ETag does not match the stored one, nothing is written and
/// a <see cref="StorageConcurrencyException"/> is thrown.
/// </remarks>
public interface IStorage
{
    /// <summary>Reads the documents stored under <paramref name="keys"/>; keys with no document are absent from the result.</summary>
    /// <param name="keys">The keys to read.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The found documents by key, each a <see cref="System.Text.Json.JsonElement"/> object with an <c>eTag</c> property.</returns>
    Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default);

    /// <summary>Writes documents, checking each one's ETag (see <see cref="StorageETag"/>) atomically for the whole batch.</summary>
    /// <param name="changes">The documents to write by key.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="StorageConcurrencyException">A document's ETag does not match the stored one.</exception>
    Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default);

    /// <summary>Deletes the documents stored under <paramref name="keys"/>; missing keys are ignored.</summary>
    /// <param name="keys">The keys to delete.</param>
    /// <param name="cancellationToken">Cancels the delete.</param>
    Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default);
}
