namespace AuthorBot.BotFramework.Schema;

/// <summary>A Connector error (code such as <c>BadArgument</c>, <c>ConversationNotFound</c>).</summary>
public class Error
{
    /// <summary>Machine-readable code.</summary>
    public string? Code { get; set; }

    /// <summary>Human-readable message.</summary>
    public string? Message { get; set; }

    /// <summary>The upstream channel's error, when there was one.</summary>
    public InnerHttpError? InnerHttpError { get; set; }
}
