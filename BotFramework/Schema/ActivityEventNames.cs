namespace AuthorBot.BotFramework.Schema;

/// <summary>Well-known names of <c>event</c> activities.</summary>
public static class ActivityEventNames
{
    /// <summary>"ContinueConversation".</summary>
    public const string ContinueConversation = "ContinueConversation";

    /// <summary>"CreateConversation".</summary>
    public const string CreateConversation = "CreateConversation";

    /// <summary>"tokens/response".</summary>
    public const string TokenResponse = "tokens/response";
}
