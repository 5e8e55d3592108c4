namespace AuthorBot.BotFramework.Schema;

/// <summary>Wire values of <c>attachmentLayout</c>.</summary>
public static class AttachmentLayoutTypes
{
    /// <summary>"list".</summary>
    public const string List = "list";

    /// <summary>"carousel".</summary>
    public const string Carousel = "carousel";
}
