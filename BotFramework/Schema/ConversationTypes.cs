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
}
