namespace AuthorBot.BotFramework.Schema;

/// <summary>The answer to CreateConversation.</summary>
public class ConversationResourceResponse
{
    /// <summary>The new conversation's id.</summary>
    public string? Id { get; set; }

    /// <summary>Id of the initial activity, when one was posted.</summary>
    public string? ActivityId { get; set; }

    /// <summary>Service URL to use for the new conversation, when it differs.</summary>
    public string? ServiceUrl { get; set; }
}
