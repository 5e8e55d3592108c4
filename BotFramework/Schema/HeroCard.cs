using System.Text.Json;

namespace AuthorBot.BotFramework.Schema;

/// <summary>A card with a big image, title, text and buttons.</summary>
public class HeroCard
{
    /// <summary>The attachment content type of a hero card.</summary>
    public const string ContentType = "application/vnd.microsoft.card.hero";

    /// <summary>Title.</summary>
    public string? Title { get; set; }

    /// <summary>Subtitle.</summary>
    public string? Subtitle { get; set; }

    /// <summary>Body text.</summary>
    public string? Text { get; set; }

    /// <summary>Images (usually one).</summary>
    public IList<CardImage>? Images { get; set; }

    /// <summary>Buttons.</summary>
    public IList<CardAction>? Buttons { get; set; }

    /// <summary>Action when the card is tapped.</summary>
    public CardAction? Tap { get; set; }

    /// <summary>Wraps the card in an attachment.</summary>
    public Attachment ToAttachment() => new()
    {
        ContentType = ContentType,
        Content = JsonSerializer.SerializeToElement(this, BotJsonContext.Default.HeroCard),
    };
}
