using System.Text.Json;
using AuthorBot.BotFramework.Builder;

namespace AuthorBot.BotFramework.State;

/// <summary>
/// A state document per scope (user, conversation), loaded once per turn into the turn's cache, handed out through
/// typed property accessors, and saved once at the end of the turn only if its JSON changed.
/// </summary>
/// <remarks>
/// Saving checks the ETag the document was read with (a document that did not exist is written create-only), so a
/// concurrent change is never silently overwritten: <see cref="SaveChangesAsync"/> throws
/// <see cref="StorageConcurrencyException"/>. Serialize turns per user and conversation with
/// <see cref="TurnSerializationMiddleware"/> so that cannot happen within one process.
/// </remarks>
public abstract class BotState
{
    private readonly string _cacheKey;

    /// <summary>Creates a state scope.</summary>
    /// <param name="storage">Where the documents live.</param>
    /// <param name="contextServiceKey">The key of this state's cache in the turn state; unique per state instance kind.</param>
    protected BotState(IStorage storage, string contextServiceKey)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentException.ThrowIfNullOrEmpty(contextServiceKey);
        Storage = storage;
        _cacheKey = contextServiceKey;
    }

    /// <summary>The store behind this state.</summary>
    protected IStorage Storage { get; }

    /// <summary>Creates a typed accessor for one property of this state.</summary>
    /// <typeparam name="T">The property's type.</typeparam>
    /// <param name="name">The property name.</param>
    /// <returns>The accessor.</returns>
    public IStatePropertyAccessor<T> CreateProperty<T>(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new BotStatePropertyAccessor<T>(this, name);
    }

    /// <summary>Loads the document into the turn's cache unless it is already there (or <paramref name="force"/>).</summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="force">Reload even if cached, dropping unsaved changes.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (!force && turnContext.TurnState.ContainsKey(_cacheKey))
        {
            return;
        }

        var key = GetStorageKey(turnContext);
        var found = await Storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        Loaded(turnContext, key, found);
    }

    /// <summary>The store to read this state from, for loads batched across states (<see cref="BotStateSet.LoadAllAsync"/>).</summary>
    internal IStorage StateStorage => Storage;

    /// <summary>The key to read for the turn, or null when the turn already holds this state (and not <paramref name="force"/>).</summary>
    internal string? KeyToLoad(ITurnContext turnContext, bool force) =>
        !force && turnContext.TurnState.ContainsKey(_cacheKey) ? null : GetStorageKey(turnContext);

    /// <summary>Puts what a read found under <paramref name="key"/> (or an empty, create-only state) into the turn's cache.</summary>
    internal void Loaded(ITurnContext turnContext, string key, IDictionary<string, object> found) =>
        turnContext.TurnState[_cacheKey] = found.TryGetValue(key, out var document)
            ? FromDocument(document)
            : new CachedBotState([], StorageETag.CreateOnly);

    /// <summary>Writes the document if it changed this turn (or <paramref name="force"/>), checking the ETag it was read with.</summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="force">Write even if unchanged.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="StorageConcurrencyException">Someone else changed the document since this turn read it.</exception>
    public async Task SaveChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (PrepareSave(turnContext, force) is not { } pending)
        {
            return;
        }

        await pending.Storage.WriteAsync(new Dictionary<string, object> { [pending.Key] = pending.Document }, cancellationToken).ConfigureAwait(false);
        pending.Committed();
    }

    /// <summary>The write this turn's changes need, or null when nothing changed (and not <paramref name="force"/>).</summary>
    internal PendingStateWrite? PrepareSave(ITurnContext turnContext, bool force)
    {
        if (turnContext.TurnState.Get<CachedBotState>(_cacheKey) is not { } cached)
        {
            return null;
        }

        var json = CachedBotState.Serialize(cached.Values);
        if (!force && json == cached.Snapshot)
        {
            return null;
        }

        var document = new StateDocument { Values = cached.Values, ETag = cached.ETag, Json = json };
        return new PendingStateWrite(Storage, GetStorageKey(turnContext), document, () =>
        {
            cached.ETag = document.ETag ?? StorageETag.Any;
            cached.Snapshot = json;
        });
    }

    /// <summary>Empties this turn's copy of the state; the empty document is written on the next save.</summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    public async Task ClearStateAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var cached = await GetCacheAsync(turnContext, cancellationToken).ConfigureAwait(false);
        cached.Values.Clear();
    }

    /// <summary>Deletes the stored document now and empties this turn's copy.</summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="cancellationToken">Cancels the delete.</param>
    public async Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        await Storage.DeleteAsync([GetStorageKey(turnContext)], cancellationToken).ConfigureAwait(false);
        turnContext.TurnState[_cacheKey] = new CachedBotState([], StorageETag.CreateOnly);
    }

    /// <summary>Forgets this turn's cached copy so the next access reads the store again.</summary>
    /// <param name="turnContext">The turn.</param>
    public void ForgetCachedState(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.TurnState.Remove(_cacheKey);
    }

    /// <summary>The storage key of this state for the turn, e.g. "msteams/users/29:abc".</summary>
    /// <param name="turnContext">The turn.</param>
    /// <returns>The key.</returns>
    protected abstract string GetStorageKey(ITurnContext turnContext);

    internal async Task<(bool Found, T? Value)> GetPropertyValueAsync<T>(ITurnContext turnContext, string name, CancellationToken cancellationToken)
    {
        var cached = await GetCacheAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (!cached.Values.TryGetValue(name, out var value))
        {
            return (false, default);
        }

        if (value is T typed)
        {
            return (true, typed);
        }

        if (value is null)
        {
            return (true, default);
        }

        try
        {
            // Stored JSON becomes the typed object once; later reads in the turn get the same instance, so changes to it are saved.
            var element = value as JsonElement? ?? JsonSerializer.SerializeToElement(value, value.GetType(), StateJson.Options);
            var converted = element.Deserialize<T>(StateJson.Options);
            cached.Values[name] = converted;
            return (true, converted);
        }
        catch (JsonException ex)
        {
            throw new StateFormatException(
                $"State property '{name}' of '{GetStorageKey(turnContext)}' holds JSON that does not fit {typeof(T).Name}: {ex.Message}", ex)
            {
                PropertyName = name,
            };
        }
    }

    internal async Task SetPropertyValueAsync(ITurnContext turnContext, string name, object? value, CancellationToken cancellationToken)
    {
        var cached = await GetCacheAsync(turnContext, cancellationToken).ConfigureAwait(false);
        cached.Values[name] = value;
    }

    internal async Task DeletePropertyValueAsync(ITurnContext turnContext, string name, CancellationToken cancellationToken)
    {
        var cached = await GetCacheAsync(turnContext, cancellationToken).ConfigureAwait(false);
        cached.Values.Remove(name);
    }

    private static CachedBotState FromDocument(object document)
    {
        var element = document as JsonElement? ?? JsonSerializer.SerializeToElement(document, document.GetType(), StateJson.Options);
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        var eTag = StorageETag.Any;
        foreach (var property in element.EnumerateObject())
        {
            if (property.NameEquals("eTag"))
            {
                eTag = property.Value.GetString() ?? StorageETag.Any;
            }
            else
            {
                values[property.Name] = property.Value.Clone();
            }
        }

        return new CachedBotState(values, eTag);
    }

    private async Task<CachedBotState> GetCacheAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        await LoadAsync(turnContext, force: false, cancellationToken).ConfigureAwait(false);
        return turnContext.TurnState.Get<CachedBotState>(_cacheKey)!;
    }
}
