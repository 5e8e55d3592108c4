using System.Text.Json;

namespace AuthorBot.BotFramework.Schema;

/// <summary>
/// The answer to an <c>adaptiveCard/action</c> invoke: a new card
/// (<c>application/vnd.microsoft.card.adaptive</c>), a message (<c>application/vnd.microsoft.activity.message</c>)
/// or an error (<c>application/vnd.microsoft.error</c>).
/// </summary>
public class AdaptiveCardInvokeResponse
{
    /// <summary>Content type of a card answer.</summary>
    public const string CardType = "application/vnd.microsoft.card.adaptive";

    /// <summary>Content type of a text answer.</summary>
    public const string MessageType = "application/vnd.microsoft.activity.message";

    /// <summary>Content type of an error answer.</summary>
    public const string ErrorType = "application/vnd.microsoft.error";

    /// <summary>HTTP-like status of the action.</summary>
    public int StatusCode { get; set; }

    /// <summary>What <see cref="Value"/> is (one of the content types above).</summary>
    public string? Type { get; set; }

    /// <summary>The card, text or error.</summary>
    public JsonElement? Value { get; set; }
}
