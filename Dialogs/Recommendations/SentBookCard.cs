namespace AuthorBot.Dialogs.Recommendations;

/// <summary>A book card the bot sent in a conversation, by the id the channel gave its message.</summary>
public sealed class SentBookCard
{
    /// <summary>The message's id (what a reaction's <c>replyToId</c> names).</summary>
    public string ActivityId { get; set; } = string.Empty;

    /// <summary>The book on the card.</summary>
    public string BookId { get; set; } = string.Empty;
}
