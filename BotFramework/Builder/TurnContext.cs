using System.Text.Json;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Builder;

/// <summary>
/// One turn of a conversation: the incoming activity, the per-turn state, and the means to reply.
/// Outgoing activities are addressed as replies to the incoming one (channel, conversation, service URL,
/// from/recipient swapped, replyToId, locale). When the incoming delivery mode is <c>expectReplies</c> replies
/// are buffered in <see cref="BufferedReplyActivities"/> for the HTTP response instead of being sent.
/// </summary>
public class TurnContext : ITurnContext
{
    private List<SendActivitiesHandler>? _onSendActivities;
    private List<UpdateActivityHandler>? _onUpdateActivity;
    private List<DeleteActivityHandler>? _onDeleteActivity;
    private List<Activity>? _bufferedReplies;
    private ConversationReference? _reference;

    /// <summary>Creates a turn for <paramref name="activity"/> handled by <paramref name="adapter"/>.</summary>
    public TurnContext(BotAdapter adapter, Activity activity)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(activity);
        Adapter = adapter;
        Activity = activity;
    }

    /// <inheritdoc/>
    public BotAdapter Adapter { get; }

    /// <inheritdoc/>
    public TurnContextStateCollection TurnState { get; } = [];

    /// <inheritdoc/>
    public Activity Activity { get; }

    /// <inheritdoc/>
    public bool Responded { get; private set; }

    /// <summary>Replies buffered because the incoming activity asked for <c>expectReplies</c>.</summary>
    public IList<Activity> BufferedReplyActivities => _bufferedReplies ??= [];

    /// <inheritdoc/>
    public ITurnContext OnSendActivities(SendActivitiesHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        (_onSendActivities ??= []).Add(handler);
        return this;
    }

    /// <inheritdoc/>
    public ITurnContext OnUpdateActivity(UpdateActivityHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        (_onUpdateActivity ??= []).Add(handler);
        return this;
    }

    /// <inheritdoc/>
    public ITurnContext OnDeleteActivity(DeleteActivityHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        (_onDeleteActivity ??= []).Add(handler);
        return this;
    }

    /// <inheritdoc/>
    public Task<ResourceResponse?> SendActivityAsync(string textReplyToSend, string? speak = null, string inputHint = InputHints.AcceptingInput, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(textReplyToSend);
        var activity = new Activity(ActivityTypes.Message) { Text = textReplyToSend, Speak = speak, InputHint = inputHint };
        return SendActivityAsync(activity, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<ResourceResponse?> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var responses = await SendActivitiesAsync([activity], cancellationToken).ConfigureAwait(false);
        return responses.Length > 0 ? responses[0] : null;
    }

    /// <inheritdoc/>
    public Task<ResourceResponse[]> SendActivitiesAsync(Activity[] activities, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activities);
        if (activities.Length == 0)
        {
            return Task.FromResult(Array.Empty<ResourceResponse>());
        }

        var reference = _reference ??= Activity.GetConversationReference();
        var outgoing = new List<Activity>(activities.Length);
        foreach (var activity in activities)
        {
            ArgumentNullException.ThrowIfNull(activity, nameof(activities));
            outgoing.Add(activity.ApplyConversationReference(reference));
        }

        if (_onSendActivities is null)
        {
            return SendThroughAdapterAsync(outgoing, cancellationToken);
        }

        return RunSendHandlersAsync(0, outgoing, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<ResourceResponse?> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var updated = activity.ApplyConversationReference(_reference ??= Activity.GetConversationReference());
        return RunUpdateHandlersAsync(0, updated, cancellationToken);
    }

    /// <inheritdoc/>
    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        var reference = Activity.GetConversationReference();
        reference.ActivityId = activityId;
        return DeleteActivityAsync(reference, cancellationToken);
    }

    /// <inheritdoc/>
    public Task DeleteActivityAsync(ConversationReference conversationReference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversationReference);
        return RunDeleteHandlersAsync(0, conversationReference, cancellationToken);
    }

    private Task<ResourceResponse[]> RunSendHandlersAsync(int index, List<Activity> activities, CancellationToken cancellationToken)
    {
        if (index == _onSendActivities!.Count)
        {
            return SendThroughAdapterAsync(activities, cancellationToken);
        }

        return _onSendActivities[index](this, activities, () => RunSendHandlersAsync(index + 1, activities, cancellationToken));
    }

    private Task<ResourceResponse?> RunUpdateHandlersAsync(int index, Activity activity, CancellationToken cancellationToken)
    {
        if (_onUpdateActivity is null || index == _onUpdateActivity.Count)
        {
            return Adapter.UpdateActivityAsync(this, activity, cancellationToken);
        }

        return _onUpdateActivity[index](this, activity, () => RunUpdateHandlersAsync(index + 1, activity, cancellationToken));
    }

    private Task RunDeleteHandlersAsync(int index, ConversationReference reference, CancellationToken cancellationToken)
    {
        if (_onDeleteActivity is null || index == _onDeleteActivity.Count)
        {
            return Adapter.DeleteActivityAsync(this, reference, cancellationToken);
        }

        return _onDeleteActivity[index](this, reference, () => RunDeleteHandlersAsync(index + 1, reference, cancellationToken));
    }

    private async Task<ResourceResponse[]> SendThroughAdapterAsync(List<Activity> activities, CancellationToken cancellationToken)
    {
        var responses = new ResourceResponse[activities.Count];
        var bufferReplies = string.Equals(Activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.Ordinal);
        Activity[]? toAdapter = null;
        int[]? adapterSlots = null;
        var adapterCount = 0;
        var sentNonTrace = false;

        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            sentNonTrace |= !string.Equals(activity.Type, ActivityTypes.Trace, StringComparison.Ordinal);
            if (string.Equals(activity.Type, ActivityTypes.InvokeResponse, StringComparison.Ordinal))
            {
                // Invoke responses answer the HTTP request; they are never delivered to the channel.
                TurnState.Set(BotAdapter.InvokeResponseKey, InvokeResponseOf(activity));
                responses[i] = new ResourceResponse();
            }
            else if (bufferReplies)
            {
                BufferedReplyActivities.Add(activity);
                responses[i] = new ResourceResponse();
            }
            else
            {
                toAdapter ??= new Activity[activities.Count];
                adapterSlots ??= new int[activities.Count];
                toAdapter[adapterCount] = activity;
                adapterSlots[adapterCount] = i;
                adapterCount++;
            }
        }

        if (adapterCount > 0)
        {
            var batch = adapterCount == toAdapter!.Length ? toAdapter : toAdapter[..adapterCount];
            var sent = await Adapter.SendActivitiesAsync(this, batch, cancellationToken).ConfigureAwait(false);
            for (var j = 0; j < adapterCount; j++)
            {
                var response = j < sent.Length ? sent[j] : null;
                responses[adapterSlots![j]] = response ?? new ResourceResponse();
                if (response?.Id is not null)
                {
                    batch[j].Id = response.Id;
                }
            }
        }

        if (sentNonTrace)
        {
            Responded = true;
        }

        return responses;
    }

    private static InvokeResponse InvokeResponseOf(Activity activity)
    {
        if (activity.Value is { ValueKind: JsonValueKind.Object } value)
        {
            return value.Deserialize(BotJsonContext.Default.InvokeResponse) ?? new InvokeResponse();
        }

        return new InvokeResponse();
    }
}
