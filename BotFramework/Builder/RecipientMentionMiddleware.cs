using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Builder;

/// <summary>
/// Makes @mentions of the bot invisible to routing: removes the bot's mention from every message's text (Teams sends
/// <c>&lt;at&gt;Bot&lt;/at&gt; help</c> in group chats and channels, and in personal chats when the reader types it),
/// and in group conversations lets through only the messages meant for the bot: typed ones that mention it, and card
/// submissions (a <c>value</c>, which only the bot's own cards produce). Anything else ends the turn unanswered.
/// </summary>
/// <remarks>
/// Teams delivers only mentioned group messages to ordinary bots, but an app granted resource-specific consent
/// receives every message of a channel; without this rule it would answer all of them.
/// </remarks>
public sealed class RecipientMentionMiddleware : IMiddleware
{
    /// <inheritdoc/>
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (!string.Equals(activity.Type, ActivityTypes.Message, StringComparison.Ordinal))
        {
            return next(cancellationToken);
        }

        var mentioned = activity.MentionsRecipient();
        if (mentioned)
        {
            activity.RemoveRecipientMention();
        }

        if (ConversationTypes.IsGroup(activity.Conversation) && !mentioned && activity.Value is null)
        {
            return Task.CompletedTask;
        }

        return next(cancellationToken);
    }
}
