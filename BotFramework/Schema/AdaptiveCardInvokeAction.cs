using System.Text.Json;

namespace AuthorBot.BotFramework.Schema;

/// <summary>The <c>Action.Execute</c> a user pressed on an Adaptive Card.</summary>
public class AdaptiveCardInvokeAction
{
    /// <summary>Action type; only <c>Action.Execute</c> reaches a bot as an invoke.</summary>
    public string? Type { get; set; }

    /// <summary>The action's id in the card.</summary>
    public string? Id { get; set; }

    /// <summary>The verb the card author chose, e.g. <c>rsvp</c>.</summary>
    public string? Verb { get; set; }

    /// <summary>The action's data merged with the card's input values.</summary>
    public JsonElement? Data { get; set; }
}
