using AuthorBot.BotFramework.Builder;

namespace AuthorBot.BotFramework.State;

/// <summary>State that follows a user across conversations on one channel, stored under "{channelId}/users/{userId}".</summary>
/// <param name="storage">Where the documents live.</param>
public class UserState(IStorage storage) : BotState(storage, nameof(UserState))
{
    /// <inheritdoc />
    protected override string GetStorageKey(ITurnContext turnContext) => KeyFor(turnContext);

    /// <summary>The storage key for the turn's user.</summary>
    /// <param name="turnContext">The turn.</param>
    /// <returns>"{channelId}/users/{userId}".</returns>
    /// <exception cref="InvalidOperationException">The activity has no channel id or sender id.</exception>
    public static string KeyFor(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var channelId = turnContext.Activity.ChannelId;
        var userId = turnContext.Activity.From?.Id;
        if (string.IsNullOrEmpty(channelId) || string.IsNullOrEmpty(userId))
        {
            throw new InvalidOperationException("User state needs the activity's channelId and from.id; this activity lacks one of them.");
        }

        return $"{channelId}/users/{userId}";
    }
}
