using AuthorBot.BotFramework.Builder;

namespace AuthorBot.BotFramework.State;

/// <summary>State of one conversation (the dialog stack lives here), stored under "{channelId}/conversations/{conversationId}".</summary>
/// <param name="storage">Where the documents live.</param>
public class ConversationState(IStorage storage) : BotState(storage, nameof(ConversationState))
{
    /// <inheritdoc />
    protected override string GetStorageKey(ITurnContext turnContext) => KeyFor(turnContext);

    /// <summary>The storage key for the turn's conversation.</summary>
    /// <param name="turnContext">The turn.</param>
    /// <returns>"{channelId}/conversations/{conversationId}".</returns>
    /// <exception cref="InvalidOperationException">The activity has no channel id or conversation id.</exception>
    public static string KeyFor(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var channelId = turnContext.Activity.ChannelId;
        var conversationId = turnContext.Activity.Conversation?.Id;
        if (string.IsNullOrEmpty(channelId) || string.IsNullOrEmpty(conversationId))
        {
            throw new InvalidOperationException("Conversation state needs the activity's channelId and conversation.id; this activity lacks one of them.");
        }

        return $"{channelId}/conversations/{conversationId}";
    }
}
