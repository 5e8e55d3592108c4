using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace AuthorBot.BotFramework.DirectLine;

/// <summary>
/// The conversations this server knows: a hot in-memory cache in front of <see cref="DirectLineLogStore"/>.
/// A conversation not in memory (after a restart or eviction) is loaded from storage on first use. When the log is
/// shared with other instances (<see cref="Shared"/>), every use first catches up with storage, and every change is
/// made through <see cref="ChangeAsync"/>, under the conversation's lock and saved before the lock is released.
/// </summary>
internal sealed partial class DirectLineConversations(
    DirectLineLogStore store,
    DirectLineOptions options,
    TimeProvider time,
    ILogger<DirectLineConversations> logger,
    DirectLineSharedLog? shared = null) : IDisposable
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> _hot = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _loadGate = new(1, 1);

    public DirectLineRetention Retention { get; } = DirectLineRetention.From(options);

    /// <summary>The lock and notifications of a log shared with other instances; null when this process owns the log.</summary>
    public DirectLineSharedLog? Shared => shared;

    /// <summary>A fresh, unguessable conversation id (URL- and storage-key-safe).</summary>
    public static string NewConversationId() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>The conversation with <paramref name="id"/>, from memory or storage; null when unknown.</summary>
    public async ValueTask<DirectLineConversation?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (_hot.TryGetValue(id, out var hot))
        {
            hot.Touch(time.GetUtcNow());
            if (shared is not null)
            {
                // Another instance may have written since: a post there, a reply, a proactive message.
                await RefreshAsync(hot, replace: false, cancellationToken).ConfigureAwait(false);
            }

            return hot;
        }

        await _loadGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_hot.TryGetValue(id, out hot))
            {
                return hot;
            }

            var loaded = await store.LoadAsync(id, cancellationToken).ConfigureAwait(false);
            if (loaded is null)
            {
                return null;
            }

            loaded.Touch(time.GetUtcNow());
            return _hot.GetOrAdd(id, loaded);
        }
        finally
        {
            _loadGate.Release();
        }
    }

    /// <summary>The conversation with <paramref name="id"/>, created when neither memory nor storage has it.</summary>
    public async ValueTask<DirectLineConversation> GetOrCreateAsync(string id, CancellationToken cancellationToken)
    {
        var existing = await FindAsync(id, cancellationToken).ConfigureAwait(false);
        return existing ?? _hot.GetOrAdd(id, key => new DirectLineConversation(key, time.GetUtcNow()));
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the conversation. In one process that is all (saving stays write-behind).
    /// With a shared log it runs under the conversation's lock, on a copy brought up to date first, and is saved
    /// before the lock is released, with a notification so the instances holding the conversation's sockets read it.
    /// </summary>
    public async ValueTask<T> ChangeAsync<T>(DirectLineConversation conversation, Func<DirectLineConversation, T> change, CancellationToken cancellationToken)
    {
        if (shared is null)
        {
            return change(conversation);
        }

        var held = await shared.LockAsync(conversation.Id, cancellationToken).ConfigureAwait(false);
        await using (held.ConfigureAwait(false))
        {
            await RefreshAsync(conversation, replace: true, cancellationToken).ConfigureAwait(false);
            var before = conversation.Version;
            var result = change(conversation);
            if (conversation.Version != before)
            {
                await SaveAsync(conversation, cancellationToken).ConfigureAwait(false);
                held.NotifyOnRelease(conversation.LastSequence);
            }

            return result;
        }
    }

    /// <summary>Reads what another instance added to <paramref name="conversationId"/>'s log when this one holds it in memory and is behind.</summary>
    public async Task CatchUpAsync(string conversationId, long lastSequence, CancellationToken cancellationToken)
    {
        if (_hot.TryGetValue(conversationId, out var hot) && hot.LastSequence < lastSequence)
        {
            await RefreshAsync(hot, replace: false, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Catches up every conversation in memory with an open socket (after missing notifications).</summary>
    public async Task CatchUpSubscribedAsync(CancellationToken cancellationToken)
    {
        foreach (var conversation in _hot.Values.Where(c => c.SubscriberCount > 0))
        {
            await RefreshAsync(conversation, replace: false, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Writes what changed to storage. Concurrent callers queue on the conversation's gate, and the
    /// first one writes everything up to then, so a burst of changes costs few writes.
    /// </summary>
    public async Task PersistAsync(DirectLineConversation conversation, CancellationToken cancellationToken)
    {
        // A shared log is saved inside ChangeAsync, under the lock. A copy still unsaved after that failed is never
        // written without the lock (it could overwrite what other instances wrote since); the next change replaces it.
        if (shared is null)
        {
            await SaveAsync(conversation, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SaveAsync(DirectLineConversation conversation, CancellationToken cancellationToken)
    {
        if (!conversation.IsDirty)
        {
            return;
        }

        await conversation.PersistGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!conversation.IsDirty)
            {
                return;
            }

            var snapshot = conversation.TakeSnapshot();
            await store.SaveAsync(snapshot, cancellationToken).ConfigureAwait(false);
            conversation.MarkPersisted(snapshot);
        }
        finally
        {
            conversation.PersistGate.Release();
        }
    }

    private async Task RefreshAsync(DirectLineConversation conversation, bool replace, CancellationToken cancellationToken)
    {
        var head = await store.LoadHeadAsync(conversation.Id, cancellationToken).ConfigureAwait(false);
        if (head is null)
        {
            // Not saved yet anywhere: this copy is the only one.
            return;
        }

        var stale = replace && conversation.IsDirty;
        if (!stale && !conversation.IsBehind(head))
        {
            return;
        }

        var entries = stale || head.LastSequence != conversation.LastSequence
            ? await store.LoadEntriesAsync(head, cancellationToken).ConfigureAwait(false)
            : null;
        conversation.CatchUp(head, entries, replace);
    }

    /// <summary>Drops from memory the conversations nobody has used for a while (they stay in storage).</summary>
    public async Task EvictIdleAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - options.IdleEviction;
        foreach (var (id, conversation) in _hot)
        {
            if (conversation.SubscriberCount > 0 || conversation.LastTouched > cutoff)
            {
                continue;
            }

            await PersistAsync(conversation, cancellationToken).ConfigureAwait(false);
            if ((shared is not null || !conversation.IsDirty) && conversation.SubscriberCount == 0)
            {
                _hot.TryRemove(new KeyValuePair<string, DirectLineConversation>(id, conversation));
            }
        }
    }

    /// <summary>Writes every unsaved change (on shutdown).</summary>
    public async Task FlushAllAsync(CancellationToken cancellationToken)
    {
        foreach (var conversation in _hot.Values)
        {
            try
            {
                await PersistAsync(conversation, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFlushFailed(logger, exception, conversation.Id);
            }
        }
    }

    /// <summary>Closes every open socket, so the server can stop without waiting for clients.</summary>
    public void CloseAllSockets(string reason)
    {
        foreach (var conversation in _hot.Values)
        {
            conversation.CloseSubscribers(reason);
        }
    }

    public void Dispose() => _loadGate.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "Direct Line: could not save conversation {ConversationId} on shutdown")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception, string conversationId);
}
