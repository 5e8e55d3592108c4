using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.DirectLine;

/// <summary>
/// Runs the bot in-process for the self-hosted Direct Line channel (channel id <c>directline</c>):
/// what the bot sends is appended to the conversation's log and pushed to its open sockets, with no
/// HTTP round trip to a Connector service. Add middleware with <see cref="BotAdapter.Use"/> as on any adapter.
/// </summary>
public sealed class DirectLineAdapter : BotAdapter
{
    private const string DeferPersistKey = "AuthorBot.DirectLine.DeferPersist";

    private readonly DirectLineConversations _conversations;
    private readonly DirectLineOptions _options;
    private readonly TimeProvider _time;

    internal DirectLineAdapter(DirectLineConversations conversations, DirectLineOptions options, TimeProvider time)
    {
        _conversations = conversations;
        _options = options;
        _time = time;
    }

    /// <summary>The account the bot speaks as in Direct Line conversations.</summary>
    public ChannelAccount BotAccount => new(_options.BotId, _options.BotName, RoleTypes.Bot);

    /// <inheritdoc/>
    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var responses = new ResourceResponse[activities.Length];
        DirectLineConversation? conversation = null;
        for (var i = 0; i < activities.Length; i++)
        {
            var activity = activities[i];
            if (activity.Type == ActivityTypes.Delay)
            {
                await Task.Delay(DelayOf(activity), _time, cancellationToken).ConfigureAwait(false);
                responses[i] = new ResourceResponse();
                continue;
            }

            if (activity.Type == ActivityTypes.Trace)
            {
                // Trace activities are for the Emulator's inspector, never shown in a chat.
                responses[i] = new ResourceResponse();
                continue;
            }

            conversation ??= await ConversationOfAsync(activity, cancellationToken).ConfigureAwait(false);
            var sourceId = string.IsNullOrEmpty(activity.Id) ? null : activity.Id;
            var node = ToOutgoingJson(activity, conversation.Id);
            responses[i] = activity.Type == ActivityTypes.Typing
                ? new ResourceResponse(conversation.Broadcast(node, _time.GetUtcNow()))
                : new ResourceResponse((await _conversations.ChangeAsync(conversation, c => c.Append(node, _time.GetUtcNow(), _conversations.Retention, sourceId), cancellationToken).ConfigureAwait(false)).Id);
        }

        // In a turn started by a client's post, the request saves the log once the turn ends, so the
        // bot's next reply is not held up by a write; proactive sends save here.
        if (conversation is not null && turnContext?.TurnState.Get<object>(DeferPersistKey) is null)
        {
            await _conversations.PersistAsync(conversation, cancellationToken).ConfigureAwait(false);
        }

        return responses;
    }

    /// <inheritdoc/>
    public override async Task<ResourceResponse?> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(activity.Id))
        {
            throw new ArgumentException("The activity to update needs the id it was sent with.", nameof(activity));
        }

        var conversation = await ConversationOfAsync(activity, cancellationToken).ConfigureAwait(false);
        var node = ToOutgoingJson(activity, conversation.Id);
        var replaced = await _conversations.ChangeAsync(conversation, c => c.Replace(activity.Id, node, _conversations.Retention, _time.GetUtcNow()), cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Conversation {conversation.Id} has no activity {activity.Id} to update.");
        await _conversations.PersistAsync(conversation, cancellationToken).ConfigureAwait(false);
        return new ResourceResponse(replaced.Id);
    }

    /// <inheritdoc/>
    public override async Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var conversationId = reference.Conversation?.Id
            ?? throw new ArgumentException("The reference names no conversation.", nameof(reference));
        var conversation = await _conversations.FindAsync(conversationId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Unknown Direct Line conversation {conversationId}.");
        if (reference.ActivityId is { } activityId && await _conversations.ChangeAsync(conversation, c => c.Remove(activityId), cancellationToken).ConfigureAwait(false))
        {
            await _conversations.PersistAsync(conversation, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs one inbound activity through the middleware and <paramref name="callback"/>; <paramref name="userVouched"/>
    /// is false when the client named the user id itself (see <see cref="TurnIdentity"/>).
    /// </summary>
    internal async Task ProcessActivityAsync(Activity activity, BotCallbackHandler callback, bool userVouched, CancellationToken cancellationToken)
    {
        var context = new TurnContext(this, activity);
        context.TurnState.Set<object>(DeferPersistKey, true);
        if (!userVouched)
        {
            TurnIdentity.MarkUserUnvouched(context);
        }

        await RunPipelineAsync(context, callback, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DirectLineConversation> ConversationOfAsync(Activity activity, CancellationToken cancellationToken)
    {
        var conversationId = activity.Conversation?.Id
            ?? throw new ArgumentException("A Direct Line activity needs conversation.id.", nameof(activity));
        return await _conversations.FindAsync(conversationId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Unknown Direct Line conversation {conversationId}.");
    }

    private JsonObject ToOutgoingJson(Activity activity, string conversationId)
    {
        var node = JsonSerializer.SerializeToNode(activity, BotJsonContext.Default.Activity) as JsonObject ?? [];
        node["channelId"] = Channels.Directline;
        node["conversation"] = new JsonObject { ["id"] = conversationId };
        if (node["from"] is not JsonObject from || from["id"] is null)
        {
            node["from"] = new JsonObject { ["id"] = _options.BotId, ["name"] = _options.BotName, ["role"] = RoleTypes.Bot };
        }
        else if (from["role"] is null)
        {
            from["role"] = RoleTypes.Bot;
        }

        return node;
    }

    private static TimeSpan DelayOf(Activity activity)
    {
        var milliseconds = activity.Value is { } value && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var ms)
            ? ms
            : activity.Value is { ValueKind: JsonValueKind.String } text && int.TryParse(text.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : 1000;
        return TimeSpan.FromMilliseconds(Math.Clamp(milliseconds, 0, 60_000));
    }
}
