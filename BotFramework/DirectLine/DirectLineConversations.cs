using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace AuthorBot.BotFramework.DirectLine;

/// <summary>
/// The conversations this server knows: a hot in-memory cache in front of <see cref="DirectLineLogStore"/>.
/// A conversation not in memory (after a restart or eviction) is loaded from storage on first use.
/// </summary>
internal sealed partial class DirectLineConversations(DirectLineLogStore store, DirectLineOptions options, TimeProvider time, ILogger<DirectLineConversations> logger) : IDisposable
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> _hot = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _loadGate = new(1, 1);

    public DirectLineRetention Retention { get; } = DirectLineRetention.From(options);

    /// <summary>A fresh, unguessable conversation id (URL- and storage-key-safe).</summary>
    public static string NewConversationId() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>The conversation with <paramref name="id"/>, from memory or storage; null when unknown.</summary>
    public async ValueTask<DirectLineConversation?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (_hot.TryGetValue(id, out var hot))
        {
            hot.Touch(time.GetUtcNow());
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
    /// Writes what changed to storage. Concurrent callers queue on the conversation's gate, and the
    /// first one writes everything up to then, so a burst of changes costs few writes.
    /// </summary>
    public async Task PersistAsync(DirectLineConversation conversation, CancellationToken cancellationToken)
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
            if (!conversation.IsDirty && conversation.SubscriberCount == 0)
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
