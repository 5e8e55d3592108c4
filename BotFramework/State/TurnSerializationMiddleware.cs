using AuthorBot.BotFramework.Builder;

namespace AuthorBot.BotFramework.State;

/// <summary>
/// Runs turns of the same user or the same conversation one at a time within this process, so two messages racing
/// in (a double tap, a card submit plus a typed answer) cannot both read state and have one save fail or overwrite.
/// Register it before anything that loads state. Across processes the ETag check in <see cref="BotState"/> still
/// reports conflicts; this only removes them within one instance.
/// </summary>
public class TurnSerializationMiddleware : IMiddleware
{
    private readonly KeyedAsyncLock _locks = new();

    /// <summary>How many user/conversation keys currently have a turn running or waiting.</summary>
    public int ActiveKeys => _locks.ActiveKeys;

    /// <inheritdoc />
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        var keys = new List<string>(2);
        if (!string.IsNullOrEmpty(activity.ChannelId) && !string.IsNullOrEmpty(activity.From?.Id))
        {
            keys.Add($"{activity.ChannelId}/users/{activity.From.Id}");
        }

        if (!string.IsNullOrEmpty(activity.ChannelId) && !string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            keys.Add($"{activity.ChannelId}/conversations/{activity.Conversation.Id}");
        }

        // Always take keys in one global order so two turns holding one key each cannot deadlock.
        keys.Sort(StringComparer.Ordinal);
        var held = new List<IDisposable>(keys.Count);
        try
        {
            foreach (var key in keys)
            {
                held.Add(await _locks.AcquireAsync(key, cancellationToken).ConfigureAwait(false));
            }

            await next(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            for (var i = held.Count - 1; i >= 0; i--)
            {
                held[i].Dispose();
            }
        }
    }
}
