namespace AuthorBot.BotFramework.Schema;

/// <summary>Wire values of <c>textFormat</c>.</summary>
public static class TextFormatTypes
{
    /// <summary>"markdown".</summary>
    public const string Markdown = "markdown";

    /// <summary>"plain".</summary>
    public const string Plain = "plain";

    /// <summary>"xml".</summary>
    public const string Xml = "xml";
}
