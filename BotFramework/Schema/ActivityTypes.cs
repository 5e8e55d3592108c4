namespace AuthorBot.BotFramework.Schema;

/// <summary>Wire values of <c>activity.type</c> (case-sensitive).</summary>
public static class ActivityTypes
{
    /// <summary>"message".</summary>
    public const string Message = "message";

    /// <summary>"contactRelationUpdate".</summary>
    public const string ContactRelationUpdate = "contactRelationUpdate";

    /// <summary>"conversationUpdate".</summary>
    public const string ConversationUpdate = "conversationUpdate";

    /// <summary>"typing".</summary>
    public const string Typing = "typing";

    /// <summary>"endOfConversation".</summary>
    public const string EndOfConversation = "endOfConversation";

    /// <summary>"event".</summary>
    public const string Event = "event";

    /// <summary>"invoke".</summary>
    public const string Invoke = "invoke";

    /// <summary>"invokeResponse".</summary>
    public const string InvokeResponse = "invokeResponse";

    /// <summary>"deleteUserData".</summary>
    public const string DeleteUserData = "deleteUserData";

    /// <summary>"messageUpdate".</summary>
    public const string MessageUpdate = "messageUpdate";

    /// <summary>"messageDelete".</summary>
    public const string MessageDelete = "messageDelete";

    /// <summary>"installationUpdate".</summary>
    public const string InstallationUpdate = "installationUpdate";

    /// <summary>"messageReaction".</summary>
    public const string MessageReaction = "messageReaction";

    /// <summary>"suggestion".</summary>
    public const string Suggestion = "suggestion";

    /// <summary>"trace".</summary>
    public const string Trace = "trace";

    /// <summary>"handoff".</summary>
    public const string Handoff = "handoff";

    /// <summary>"command".</summary>
    public const string Command = "command";

    /// <summary>"commandResult".</summary>
    public const string CommandResult = "commandResult";

    /// <summary>"delay".</summary>
    public const string Delay = "delay";
}
