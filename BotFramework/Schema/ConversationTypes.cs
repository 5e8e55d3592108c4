namespace AuthorBot.BotFramework.Schema;

/// <summary>Teams' <c>conversation.conversationType</c> values.</summary>
public static class ConversationTypes
{
    /// <summary>A one-to-one chat between a user and the bot.</summary>
    public const string Personal = "personal";

    /// <summary>A group chat.</summary>
    public const string GroupChat = "groupChat";

    /// <summary>A team channel (a post and its replies: <c>{channel id};messageid={post id}</c>).</summary>
    public const string Channel = "channel";

    /// <summary>True for conversations with more than the reader and the bot (Teams group chats and channels).</summary>
    /// <param name="conversation">The conversation.</param>
    /// <returns>Whether it is a group conversation.</returns>
    public static bool IsGroup(ConversationAccount? conversation) =>
        conversation is not null
        && (conversation.IsGroup == true || conversation.ConversationType is Channel or GroupChat);
}
