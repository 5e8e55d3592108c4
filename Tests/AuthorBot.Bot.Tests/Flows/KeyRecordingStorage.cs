using System.Collections.Concurrent;
using System.Text.Json;
using AuthorBot.BotFramework.State;

namespace AuthorBot.Bot.Tests.Flows;

/// <summary>Remembers every key ever written, so a test can read back everything the bot stored.</summary>
internal sealed class KeyRecordingStorage(IStorage inner) : IStorage
{
    private readonly ConcurrentDictionary<string, bool> _keys = new(StringComparer.Ordinal);

    public IStorage Inner => inner;

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) => inner.ReadAsync(keys, cancellationToken);

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        foreach (var key in changes.Keys)
        {
            _keys[key] = true;
        }

        return inner.WriteAsync(changes, cancellationToken);
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);

    /// <summary>Every document still stored under a key that was ever written, as JSON text.</summary>
    public async Task<IReadOnlyDictionary<string, string>> RemainingAsync()
    {
        var found = await inner.ReadAsync([.. _keys.Keys]);
        return found.ToDictionary(kv => kv.Key, kv => JsonSerializer.Serialize(kv.Value, StateJson.Options), StringComparer.Ordinal);
    }
}
