namespace AuthorBot.BotFramework.Schema;

/// <summary>Wire values of <c>ChannelAccount.role</c>.</summary>
public static class RoleTypes
{
    /// <summary>"user".</summary>
    public const string User = "user";

    /// <summary>"bot".</summary>
    public const string Bot = "bot";

    /// <summary>"skill".</summary>
    public const string Skill = "skill";
}
