namespace AuthorBot.BotFramework.Schema;

/// <summary>An image on a card.</summary>
public class CardImage
{
    /// <summary>Creates an empty image.</summary>
    public CardImage()
    {
    }

    /// <summary>Creates an image.</summary>
    public CardImage(string? url, string? alt = null, CardAction? tap = null)
    {
        Url = url;
        Alt = alt;
        Tap = tap;
    }

    /// <summary>Image URL.</summary>
    public string? Url { get; set; }

    /// <summary>Alternate text.</summary>
    public string? Alt { get; set; }

    /// <summary>Action when the image is tapped.</summary>
    public CardAction? Tap { get; set; }
}
