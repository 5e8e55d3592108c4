using System.Text.Json;
using System.Text.Json.Nodes;

namespace AuthorBot.BotFramework.Schema;

/// <summary>
/// Builds Adaptive Cards (schema 1.5) as plain JSON: the handful of elements, inputs and actions bots use, without a
/// card library. Texts wrap; every card carries a fallback text for clients that cannot render it.
/// </summary>
public static class AdaptiveCards
{
    /// <summary>The attachment content type of an Adaptive Card.</summary>
    public const string ContentType = AdaptiveCardInvokeResponse.CardType;

    /// <summary>The schema version the cards declare (Teams and Web Chat render 1.5).</summary>
    public const string Version = "1.5";

    /// <summary>A card.</summary>
    /// <param name="body">Its elements, top to bottom.</param>
    /// <param name="actions">Buttons under the body.</param>
    /// <param name="fallbackText">What clients that cannot render the card show instead.</param>
    /// <returns>The card.</returns>
    public static JsonObject Card(IEnumerable<JsonNode> body, IEnumerable<JsonNode>? actions = null, string? fallbackText = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["body"] = new JsonArray([.. body]),
        };
        if (actions is not null && actions.ToList() is { Count: > 0 } list)
        {
            card["actions"] = new JsonArray([.. list]);
        }

        if (!string.IsNullOrEmpty(fallbackText))
        {
            card["fallbackText"] = fallbackText;
        }

        return card;
    }

    /// <summary>A paragraph of text; wraps.</summary>
    /// <param name="text">The text (Markdown subset).</param>
    /// <param name="size">small, default, medium, large, extraLarge.</param>
    /// <param name="weight">lighter, default, bolder.</param>
    /// <param name="subtle">Greyed out.</param>
    /// <param name="color">default, accent, good, warning, attention.</param>
    /// <returns>The element.</returns>
    public static JsonObject TextBlock(string text, string? size = null, string? weight = null, bool subtle = false, string? color = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        Set(block, "size", size);
        Set(block, "weight", weight);
        Set(block, "color", color);
        if (subtle)
        {
            block["isSubtle"] = true;
        }

        return block;
    }

    /// <summary>An image.</summary>
    /// <param name="url">Its https URL.</param>
    /// <param name="altText">What a screen reader says.</param>
    /// <param name="size">auto, stretch, small, medium, large.</param>
    /// <returns>The element.</returns>
    public static JsonObject Image(string url, string altText, string? size = null)
    {
        var image = new JsonObject { ["type"] = "Image", ["url"] = url, ["altText"] = altText };
        Set(image, "size", size);
        return image;
    }

    /// <summary>Label and value pairs in two aligned columns.</summary>
    /// <param name="facts">The pairs, in order.</param>
    /// <returns>The element.</returns>
    public static JsonObject FactSet(IEnumerable<(string Title, string Value)> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return new JsonObject
        {
            ["type"] = "FactSet",
            ["facts"] = new JsonArray([.. facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Title, ["value"] = f.Value })]),
        };
    }

    /// <summary>Columns side by side.</summary>
    /// <param name="columns">The columns (<see cref="Column"/>).</param>
    /// <returns>The element.</returns>
    public static JsonObject ColumnSet(params JsonNode[] columns) =>
        new() { ["type"] = "ColumnSet", ["columns"] = new JsonArray(columns) };

    /// <summary>One column of a <see cref="ColumnSet"/>.</summary>
    /// <param name="width">auto, stretch, or a weight such as "2".</param>
    /// <param name="items">Its elements.</param>
    /// <returns>The column.</returns>
    public static JsonObject Column(string width, params JsonNode[] items) =>
        new() { ["type"] = "Column", ["width"] = width, ["items"] = new JsonArray(items) };

    /// <summary>A row of buttons inside the body.</summary>
    /// <param name="actions">The buttons.</param>
    /// <returns>The element.</returns>
    public static JsonObject ActionSet(IEnumerable<JsonNode> actions) =>
        new() { ["type"] = "ActionSet", ["actions"] = new JsonArray([.. actions]) };

    /// <summary>A button that posts <paramref name="data"/> (plus the card's inputs) to the bot as a message's value.</summary>
    /// <param name="title">The button's title.</param>
    /// <param name="data">What the bot receives.</param>
    /// <param name="style">default, positive or destructive.</param>
    /// <returns>The action.</returns>
    public static JsonObject Submit(string title, JsonObject data, string? style = null)
    {
        var action = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = data };
        Set(action, "style", style);
        return action;
    }

    /// <summary>
    /// A Universal Action: an <c>adaptiveCard/action</c> invoke whose answer (a new card) replaces the card in place.
    /// </summary>
    /// <param name="title">The button's title.</param>
    /// <param name="verb">What the bot does.</param>
    /// <param name="data">Its parameters.</param>
    /// <param name="style">default, positive or destructive.</param>
    /// <returns>The action.</returns>
    public static JsonObject Execute(string title, string verb, JsonObject data, string? style = null)
    {
        var action = new JsonObject { ["type"] = "Action.Execute", ["title"] = title, ["verb"] = verb, ["data"] = data };
        Set(action, "style", style);
        return action;
    }

    /// <summary>A button that opens a web page.</summary>
    /// <param name="title">The button's title.</param>
    /// <param name="url">The page.</param>
    /// <returns>The action.</returns>
    public static JsonObject OpenUrl(string title, string url) =>
        new() { ["type"] = "Action.OpenUrl", ["title"] = title, ["url"] = url };

    /// <summary>A text field.</summary>
    /// <param name="id">The key of its value in the submitted data.</param>
    /// <param name="label">Its label.</param>
    /// <param name="value">The initial text.</param>
    /// <param name="placeholder">The hint shown while empty.</param>
    /// <returns>The input.</returns>
    public static JsonObject TextInput(string id, string label, string? value = null, string? placeholder = null)
    {
        var input = new JsonObject { ["type"] = "Input.Text", ["id"] = id, ["label"] = label };
        Set(input, "value", value);
        Set(input, "placeholder", placeholder);
        return input;
    }

    /// <summary>A drop-down (compact) or radio (expanded) list.</summary>
    /// <param name="id">The key of its value in the submitted data.</param>
    /// <param name="label">Its label.</param>
    /// <param name="choices">Title and value of each option.</param>
    /// <param name="value">The option selected at first.</param>
    /// <param name="expanded">Radio buttons rather than a drop-down.</param>
    /// <returns>The input.</returns>
    public static JsonObject ChoiceInput(string id, string label, IEnumerable<(string Title, string Value)> choices, string? value = null, bool expanded = false)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var input = new JsonObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = id,
            ["label"] = label,
            ["style"] = expanded ? "expanded" : "compact",
            ["choices"] = new JsonArray([.. choices.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value })]),
        };
        Set(input, "value", value);
        return input;
    }

    /// <summary>A checkbox; its value is "true" or "false".</summary>
    /// <param name="id">The key of its value in the submitted data.</param>
    /// <param name="label">Its label, above the box.</param>
    /// <param name="title">The text beside the box.</param>
    /// <param name="value">Whether it starts checked.</param>
    /// <returns>The input.</returns>
    public static JsonObject ToggleInput(string id, string label, string title, bool value) => new()
    {
        ["type"] = "Input.Toggle",
        ["id"] = id,
        ["label"] = label,
        ["title"] = title,
        ["value"] = value ? "true" : "false",
        ["valueOn"] = "true",
        ["valueOff"] = "false",
    };

    /// <summary>Wraps a card in an attachment.</summary>
    /// <param name="card">The card.</param>
    /// <returns>The attachment.</returns>
    public static Attachment ToAttachment(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        using var document = JsonDocument.Parse(card.ToJsonString());
        return new Attachment(ContentType, content: document.RootElement.Clone());
    }

    /// <summary>A card as the JSON element an invoke response carries.</summary>
    /// <param name="card">The card.</param>
    /// <returns>The element.</returns>
    public static JsonElement ToElement(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        using var document = JsonDocument.Parse(card.ToJsonString());
        return document.RootElement.Clone();
    }

    private static void Set(JsonObject node, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            node[name] = value;
        }
    }
}
