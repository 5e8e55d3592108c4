namespace AuthorBot.BotFramework.Schema;

/// <summary>Wire values of <c>code</c> on endOfConversation activities.</summary>
public static class EndOfConversationCodes
{
    /// <summary>"unknown".</summary>
    public const string Unknown = "unknown";

    /// <summary>"completedSuccessfully".</summary>
    public const string CompletedSuccessfully = "completedSuccessfully";

    /// <summary>"userCancelled".</summary>
    public const string UserCancelled = "userCancelled";

    /// <summary>"botTimedOut".</summary>
    public const string BotTimedOut = "botTimedOut";

    /// <summary>"botIssuedInvalidMessage".</summary>
    public const string BotIssuedInvalidMessage = "botIssuedInvalidMessage";

    /// <summary>"channelFailed".</summary>
    public const string ChannelFailed = "channelFailed";
}
