using System.Text.Json;

namespace AuthorBot.BotFramework.Schema;

/// <summary>The value of an <c>adaptiveCard/action</c> invoke.</summary>
public class AdaptiveCardInvokeValue
{
    /// <summary>The invoke's name (<c>activity.name</c>).</summary>
    public const string InvokeName = "adaptiveCard/action";

    /// <summary>The pressed action.</summary>
    public AdaptiveCardInvokeAction? Action { get; set; }

    /// <summary>Token exchange data, when the card asked for sign-in.</summary>
    public JsonElement? Authentication { get; set; }

    /// <summary>Magic code state, when the card asked for sign-in.</summary>
    public string? State { get; set; }
}
