using AuthorBot.BotFramework.Builder;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Dialogs.Privacy;

/// <summary>The reader a turn comes from, keyed the way user state keys them.</summary>
internal static class TurnReader
{
    public static ReaderKey Of(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var channelId = turnContext.Activity.ChannelId;
        var userId = turnContext.Activity.From?.Id;
        if (string.IsNullOrEmpty(channelId) || string.IsNullOrEmpty(userId))
        {
            throw new InvalidOperationException("This activity has no channelId or from.id, so it cannot be tied to a reader.");
        }

        return new ReaderKey(channelId, userId);
    }
}
