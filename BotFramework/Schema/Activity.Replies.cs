namespace AuthorBot.BotFramework.Schema;

/// <summary>Reply and conversation-reference helpers on <see cref="Activity"/> (Bot Builder's ActivityEx).</summary>
public partial class Activity
{
    /// <summary>Creates an empty message activity.</summary>
    public static Activity CreateMessageActivity() => new(ActivityTypes.Message);

    /// <summary>Creates a trace activity (only delivered to the Emulator).</summary>
    public static Activity CreateTraceActivity(string name, string? valueType = null, System.Text.Json.JsonElement? value = null, string? label = null) =>
        new(ActivityTypes.Trace) { Name = name, ValueType = valueType, Value = value, Label = label };

    /// <summary>
    /// Creates a message that replies to this activity: from/recipient swapped, same channel, conversation and
    /// service URL, <c>replyToId</c> set to this activity's id, and the same locale. No timestamp: the channel sets it
    /// (spec A2041).
    /// </summary>
    public Activity CreateReply(string? text = null) => new(ActivityTypes.Message)
    {
        From = Recipient is null ? null : new ChannelAccount(Recipient.Id, Recipient.Name),
        Recipient = From is null ? null : new ChannelAccount(From.Id, From.Name),
        ReplyToId = ShouldReplyTo() ? Id : null,
        ServiceUrl = ServiceUrl,
        ChannelId = ChannelId,
        Conversation = Conversation is null ? null : new ConversationAccount(Conversation.IsGroup, id: Conversation.Id, name: Conversation.Name),
        Text = text,
        Locale = Locale,
    };

    /// <summary>Captures who, where and which activity this is, for replies now or proactive messages later.</summary>
    public ConversationReference GetConversationReference() => new()
    {
        ActivityId = ShouldReplyTo() ? Id : null,
        User = From,
        Bot = Recipient,
        Conversation = Conversation,
        ChannelId = ChannelId,
        Locale = Locale,
        ServiceUrl = ServiceUrl,
    };

    /// <summary>
    /// Addresses this activity using <paramref name="reference"/>. Outgoing (default): from = bot, recipient = user,
    /// replyToId = reference.ActivityId. Incoming: from = user, recipient = bot, id = reference.ActivityId.
    /// The activity's own locale wins over the reference's.
    /// </summary>
    public Activity ApplyConversationReference(ConversationReference reference, bool isIncoming = false)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ChannelId = reference.ChannelId;
        ServiceUrl = reference.ServiceUrl;
        Conversation = reference.Conversation;
        Locale ??= reference.Locale;
        if (isIncoming)
        {
            From = reference.User;
            Recipient = reference.Bot;
            if (reference.ActivityId is not null)
            {
                Id = reference.ActivityId;
            }
        }
        else
        {
            From = reference.Bot;
            Recipient = reference.User;
            if (reference.ActivityId is not null)
            {
                ReplyToId = reference.ActivityId;
            }
        }

        return this;
    }

    // Direct Line and Web Chat reject replies threaded under a conversationUpdate (JS SDK getAppropriateReplyToId).
    private bool ShouldReplyTo() =>
        !(string.Equals(Type, ActivityTypes.ConversationUpdate, StringComparison.Ordinal)
          && (string.Equals(ChannelId, Channels.Directline, StringComparison.Ordinal)
              || string.Equals(ChannelId, Channels.Webchat, StringComparison.Ordinal)));
}
