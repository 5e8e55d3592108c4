using System.Collections.Concurrent;
using System.Text.Json;
using AuthorBot.BotFramework.Auth;
using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.DirectLine;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Proactive;

/// <summary>
/// Captures the conversation reference of every inbound turn and install event, so proactive messages reach the reader
/// after a restart, and records when readers are active. Runs before the bot; a storage failure is logged and never
/// fails the reader's turn.
/// </summary>
/// <remarks>
/// A reader who chats a lot would otherwise cost a write per message: an unchanged reference whose activity hour is
/// already recorded is not written again (the cache only skips writes that would change nothing stored). A new
/// conversation's reference is not written on the request path either: it is queued and written in batches
/// (<see cref="ConversationReferenceStore.QueueAsync"/>), and every read of the store includes what is queued.
/// </remarks>
internal sealed partial class ConversationReferenceMiddleware(
    ConversationReferenceStore store,
    IEnumerable<IReaderActivityListener> listeners,
    ServiceUrlTrust trust,
    TimeProvider time,
    ILogger<ConversationReferenceMiddleware> logger) : BotFramework.Builder.IMiddleware
{
    private const int MaxCachedConversations = 100_000;

    private readonly IReaderActivityListener[] _listeners = [.. listeners];
    private readonly ConcurrentDictionary<(string, string, string), (string Json, long Hour)> _written = new();
    private readonly ConcurrentDictionary<ReaderKey, long> _activeHours = new();

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await CaptureAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCaptureFailed(ex, turnContext.Activity.ChannelId, turnContext.Activity.Conversation?.Id);
        }

        await next(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True for activities a reader caused (as opposed to the bot's own proactive turns and channel bookkeeping).</summary>
    internal static bool IsReaderActive(Activity activity) =>
        activity.Type is ActivityTypes.Message or ActivityTypes.Invoke or ActivityTypes.MessageReaction;

    private async Task CaptureAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (!ShouldCapture(activity))
        {
            return;
        }

        var reader = new ReaderKey(activity.ChannelId!, activity.From!.Id!);
        var conversationId = activity.Conversation!.Id!;
        var now = time.GetUtcNow();
        if (RemovesTheBot(activity))
        {
            // Uninstalled (or removed from the chat or team): nobody can be reached there any more, and the reference
            // is data about the readers that the bot no longer needs.
            foreach (var key in _written.Keys.Where(k => k.Item1 == reader.ChannelId && k.Item3.StartsWith(conversationId, StringComparison.Ordinal)))
            {
                _written.TryRemove(key, out _);
            }

            await store.RemoveConversationAsync(reader.ChannelId, conversationId, cancellationToken).ConfigureAwait(false);
            return;
        }

        var isDirectLine = turnContext.Adapter is DirectLineAdapter;
        if (!isDirectLine && !await MayReachLaterAsync(activity, cancellationToken).ConfigureAwait(false))
        {
            if (IsReaderActive(activity))
            {
                var activeHour = now.ToUnixTimeSeconds() / 3600;
                if (!(_activeHours.TryGetValue(reader, out var recorded) && recorded == activeHour))
                {
                    if (_activeHours.Count >= MaxCachedConversations)
                    {
                        _activeHours.Clear();
                    }

                    _activeHours[reader] = activeHour;
                    var capture = new ReferenceCapture(reader, Adapter: null, Reference: null, Active: true, now) { Failed = () => _activeHours.TryRemove(reader, out _) };
                    await store.QueueAsync(capture, cancellationToken).ConfigureAwait(false);
                }

                foreach (var listener in _listeners)
                {
                    await listener.OnReaderActivityAsync(reader, activity, now, cancellationToken).ConfigureAwait(false);
                }
            }

            return;
        }

        var reference = activity.GetConversationReference();
        reference.ActivityId = null;
        reference.Conversation = WithTenant(activity);
        var active = IsReaderActive(activity);
        var json = JsonSerializer.Serialize(reference, BotJsonContext.Default.ConversationReference);
        var hour = active ? now.ToUnixTimeSeconds() / 3600 : 0;
        var cacheKey = (reader.ChannelId, reader.UserId, conversationId);
        if (!(_written.TryGetValue(cacheKey, out var last) && last.Json == json && (!active || last.Hour == hour)))
        {
            var adapter = isDirectLine ? ProactiveAdapters.DirectLine : ProactiveAdapters.Connector;
            if (_written.Count >= MaxCachedConversations)
            {
                _written.Clear();
            }

            _written[cacheKey] = (json, active ? hour : last.Hour);
            var capture = new ReferenceCapture(reader, adapter, reference, active, now) { Failed = () => _written.TryRemove(cacheKey, out _) };
            await store.QueueAsync(capture, cancellationToken).ConfigureAwait(false);
        }

        if (active)
        {
            foreach (var listener in _listeners)
            {
                await listener.OnReaderActivityAsync(reader, activity, now, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>An uninstall (<c>installationUpdate</c> remove) or the bot itself leaving the conversation.</summary>
    internal static bool RemovesTheBot(Activity activity) =>
        (activity.Type == ActivityTypes.InstallationUpdate
         && activity.Action is { } action && action.StartsWith(InstallationUpdateActionTypes.Remove, StringComparison.OrdinalIgnoreCase))
        || (activity.Type == ActivityTypes.ConversationUpdate
            && activity.MembersRemoved is { Count: > 0 } removed && activity.Recipient?.Id is { } botId
            && removed.Any(m => string.Equals(m.Id, botId, StringComparison.Ordinal)));

    /// <summary>
    /// Whether the activity's service URL may be stored for proactive messages: one the bot may call
    /// (<see cref="ServiceUrlTrust"/>: from an authenticated request, or loopback in anonymous mode), and not from an
    /// expectReplies turn, whose answers travel in the HTTP response: its URL never received anything, and an
    /// announcement sent there later would go wherever the caller pointed it.
    /// </summary>
    private async ValueTask<bool> MayReachLaterAsync(Activity activity, CancellationToken cancellationToken) =>
        !string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.Ordinal)
        && await trust.IsTrustedAsync(activity.ServiceUrl, cancellationToken).ConfigureAwait(false);

    private static bool ShouldCapture(Activity activity)
    {
        if (string.IsNullOrEmpty(activity.ChannelId) || string.IsNullOrEmpty(activity.From?.Id) || string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            return false;
        }

        // The bot's own proactive turns carry the reader as "from" but say nothing new about them.
        if (activity.Type == ActivityTypes.Event
            && activity.Name is ActivityEventNames.ContinueConversation or ActivityEventNames.CreateConversation)
        {
            return false;
        }

        return !string.Equals(activity.From.Id, activity.Recipient?.Id, StringComparison.Ordinal)
            && !string.Equals(activity.From.Role, RoleTypes.Bot, StringComparison.OrdinalIgnoreCase);
    }

    // Teams' older payloads name the tenant only in channelData.tenant.id; a reference without it cannot be continued
    // in a multi-tenant app, so it is copied onto the conversation (the Connector adapter does this too, Direct Line does not).
    private static ConversationAccount WithTenant(Activity activity)
    {
        var conversation = activity.Conversation!;
        if (conversation.TenantId is not null
            || activity.ChannelData is not { ValueKind: JsonValueKind.Object } channelData
            || !channelData.TryGetProperty("tenant", out var tenant)
            || tenant.ValueKind != JsonValueKind.Object
            || !tenant.TryGetProperty("id", out var id)
            || id.ValueKind != JsonValueKind.String)
        {
            return conversation;
        }

        return new ConversationAccount(conversation.IsGroup, conversation.ConversationType, conversation.Id, conversation.Name, id.GetString())
        {
            AadObjectId = conversation.AadObjectId,
            Role = conversation.Role,
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store the conversation reference of {ChannelId}/{ConversationId}; proactive messages may not reach it")]
    private partial void LogCaptureFailed(Exception exception, string? channelId, string? conversationId);
}
