namespace AuthorBot.BotFramework.Schema;

/// <summary>An @-mention in a message (an entity of type <c>mention</c>).</summary>
public class Mention
{
    /// <summary>The entity type of mentions.</summary>
    public const string EntityType = "mention";

    /// <summary>Who was mentioned.</summary>
    public ChannelAccount? Mentioned { get; set; }

    /// <summary>The mention's text inside <see cref="Activity.Text"/>, e.g. <c>&lt;at&gt;Bot&lt;/at&gt;</c>.</summary>
    public string? Text { get; set; }

    /// <summary>Always <c>mention</c>.</summary>
    public string Type { get; set; } = EntityType;
}
