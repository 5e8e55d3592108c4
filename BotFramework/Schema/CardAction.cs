using System.Text.Json;

namespace AuthorBot.BotFramework.Schema;

/// <summary>A clickable action on a card or in suggested actions.</summary>
public class CardAction
{
    /// <summary>Creates an empty action.</summary>
    public CardAction()
    {
    }

    /// <summary>Creates an action of the given type with a title and a string value.</summary>
    public CardAction(string? type, string? title = null, string? value = null)
    {
        Type = type;
        Title = title;
        if (value is not null)
        {
            Value = JsonSerializer.SerializeToElement(value, BotJsonContext.Default.String);
        }
    }

    /// <summary>The action type (<see cref="ActionTypes"/>).</summary>
    public string? Type { get; set; }

    /// <summary>Text shown on the button.</summary>
    public string? Title { get; set; }

    /// <summary>Image URL shown on the button.</summary>
    public string? Image { get; set; }

    /// <summary>Alternate text of the image.</summary>
    public string? ImageAltText { get; set; }

    /// <summary>Text sent to the bot (messageBack).</summary>
    public string? Text { get; set; }

    /// <summary>Text shown in the chat (messageBack).</summary>
    public string? DisplayText { get; set; }

    /// <summary>The action's payload: a string (imBack, openUrl) or an object (messageBack).</summary>
    public JsonElement? Value { get; set; }

    /// <summary>Channel-specific data.</summary>
    public JsonElement? ChannelData { get; set; }
}
