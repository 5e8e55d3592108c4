using System.Text.Json;
using System.Text.Json.Nodes;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.Dialogs.Routing;

/// <summary>The two answers an Action.Execute gets: a card that replaces the pressed one, or a line shown under it.</summary>
public static class CardActionResponses
{
    /// <summary>The new card, shown in place of the pressed one.</summary>
    /// <param name="card">The card.</param>
    /// <returns>The answer.</returns>
    public static AdaptiveCardInvokeResponse Card(JsonObject card) => new()
    {
        StatusCode = 200,
        Type = AdaptiveCardInvokeResponse.CardType,
        Value = AdaptiveCards.ToElement(card),
    };

    /// <summary>A short message shown under the card, which stays as it was.</summary>
    /// <param name="text">The message.</param>
    /// <returns>The answer.</returns>
    public static AdaptiveCardInvokeResponse Message(string text) => new()
    {
        StatusCode = 200,
        Type = AdaptiveCardInvokeResponse.MessageType,
        Value = JsonSerializer.SerializeToElement(text, BotJsonContext.Default.String),
    };
}
