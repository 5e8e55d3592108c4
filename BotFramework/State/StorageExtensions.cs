using System.Text.Json;

namespace AuthorBot.BotFramework.State;

/// <summary>Typed helpers over <see cref="IStorage"/>.</summary>
public static class StorageExtensions
{
    /// <summary>Reads documents and deserializes each into <typeparamref name="T"/> (an <see cref="IStoreItem"/> gets its ETag).</summary>
    /// <typeparam name="T">The document type.</typeparam>
    /// <param name="storage">The store.</param>
    /// <param name="keys">The keys to read.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The found documents by key.</returns>
    public static async Task<IDictionary<string, T>> ReadAsync<T>(this IStorage storage, string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var raw = await storage.ReadAsync(keys, cancellationToken).ConfigureAwait(false);
        var typed = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (key, value) in raw)
        {
            var document = value switch
            {
                T already => already,
                JsonElement element => element.Deserialize<T>(StateJson.Options),
                _ => JsonSerializer.SerializeToElement(value, value.GetType(), StateJson.Options).Deserialize<T>(StateJson.Options),
            };
            if (document is not null)
            {
                typed[key] = document;
            }
        }

        return typed;
    }
}
