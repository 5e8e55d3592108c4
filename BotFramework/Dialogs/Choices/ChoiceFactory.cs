using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Dialogs.Choices;

/// <summary>Renders a list of choices as the best message a channel can show (spec §7, "Fallback algorithm").</summary>
public static class ChoiceFactory
{
    /// <summary>The property of an Adaptive Card choice button's value that holds the chosen value.</summary>
    public const string CardChoiceProperty = "choice";

    private const int AdaptiveButtonsPerRow = 3;

    /// <summary>
    /// Picks the rendering for a channel: short titles on a channel with card buttons but no suggested actions get an
    /// Adaptive Card where it renders them (Teams, whose hero card buttons some clients do not send), else a hero card;
    /// short titles where suggested actions work get those (Web Chat, Emulator, Direct Line); otherwise up to three
    /// short choices go inline and anything else becomes a numbered list.
    /// </summary>
    /// <param name="channelId">The channel to render for.</param>
    /// <param name="choices">The choices.</param>
    /// <param name="text">The prompt text.</param>
    /// <param name="speak">Optional speech.</param>
    /// <param name="options">Text rendering options.</param>
    /// <returns>A message activity.</returns>
    public static Activity ForChannel(string? channelId, IList<Choice> choices, string? text = null, string? speak = null, ChoiceFactoryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var longestTitle = choices.Select(TitleOf).DefaultIfEmpty(string.Empty).Max(title => title.Length);
        var shortTitles = longestTitle <= Channel.MaxActionTitleLength;
        var suggested = Channel.SupportsSuggestedActions(channelId, choices.Count);
        var cards = Channel.SupportsCardActions(channelId, choices.Count);

        if (shortTitles && !suggested && cards)
        {
            return Channel.SupportsAdaptiveCards(channelId) ? AdaptiveCard(choices, text, speak, options) : HeroCard(choices, text, speak, options);
        }

        if (shortTitles && suggested)
        {
            return SuggestedAction(choices, text, speak);
        }

        return shortTitles && choices.Count <= 3 ? Inline(choices, text, speak, options) : List(choices, text, speak, options);
    }

    /// <summary>
    /// Renders choices in <paramref name="style"/>; <see cref="ListStyle.Auto"/> defers to <see cref="ForChannel"/>.
    /// <see cref="ListStyle.SuggestedAction"/> means "buttons to tap": where the channel has no suggested actions but
    /// renders Adaptive Cards (Teams), the buttons go on an Adaptive Card instead of being dropped.
    /// </summary>
    /// <param name="style">The style.</param>
    /// <param name="channelId">The channel to render for.</param>
    /// <param name="choices">The choices.</param>
    /// <param name="text">The prompt text.</param>
    /// <param name="speak">Optional speech.</param>
    /// <param name="options">Text rendering options.</param>
    /// <returns>A message activity.</returns>
    public static Activity Render(ListStyle style, string? channelId, IList<Choice> choices, string? text = null, string? speak = null, ChoiceFactoryOptions? options = null) => style switch
    {
        ListStyle.Inline => Inline(choices, text, speak, options),
        ListStyle.List => List(choices, text, speak, options),
        ListStyle.SuggestedAction when !Channel.SupportsSuggestedActions(channelId, choices.Count) && Channel.SupportsAdaptiveCards(channelId)
            => AdaptiveCard(choices, text, speak, options),
        ListStyle.SuggestedAction => SuggestedAction(choices, text, speak),
        ListStyle.HeroCard => HeroCard(choices, text, speak, options),
        ListStyle.AdaptiveCard => AdaptiveCard(choices, text, speak, options),
        ListStyle.None => Message(text, speak),
        _ => ForChannel(channelId, choices, text, speak, options),
    };

    /// <summary>"Pick one: (1) Red, (2) Green, or (3) Blue".</summary>
    /// <param name="choices">The choices.</param>
    /// <param name="text">The prompt text.</param>
    /// <param name="speak">Optional speech.</param>
    /// <param name="options">Text rendering options.</param>
    /// <returns>A message activity.</returns>
    public static Activity Inline(IList<Choice> choices, string? text = null, string? speak = null, ChoiceFactoryOptions? options = null) =>
        Message(InlineText(choices, text, options), speak);

    /// <summary>The prompt text followed by one numbered choice per line.</summary>
    /// <param name="choices">The choices.</param>
    /// <param name="text">The prompt text.</param>
    /// <param name="speak">Optional speech.</param>
    /// <param name="options">Text rendering options.</param>
    /// <returns>A message activity.</returns>
    public static Activity List(IList<Choice> choices, string? text = null, string? speak = null, ChoiceFactoryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var numbers = options?.IncludeNumbers ?? true;
        var builder = new StringBuilder(text ?? string.Empty);
        builder.Append("\n\n");
        for (var i = 0; i < choices.Count; i++)
        {
            builder.Append("   ")
                .Append(numbers ? (i + 1).ToString(CultureInfo.InvariantCulture) + ". " : "- ")
                .Append(TitleOf(choices[i]))
                .Append(i + 1 < choices.Count ? "\n" : string.Empty);
        }

        return Message(builder.ToString(), speak);
    }

    /// <summary>The prompt text with one suggested-action button per choice.</summary>
    /// <param name="choices">The choices.</param>
    /// <param name="text">The prompt text.</param>
    /// <param name="speak">Optional speech.</param>
    /// <returns>A message activity.</returns>
    public static Activity SuggestedAction(IList<Choice> choices, string? text = null, string? speak = null)
    {
        var message = Message(text, speak);
        message.SuggestedActions = new SuggestedActions { Actions = ToActions(choices) };
        return message;
    }

    /// <summary>A hero card holding the prompt text and one button per choice; the activity's summary reads the choices inline for channels that cannot show cards.</summary>
    /// <param name="choices">The choices.</param>
    /// <param name="text">The prompt text.</param>
    /// <param name="speak">Optional speech.</param>
    /// <param name="options">Text rendering options (for the summary).</param>
    /// <returns>A message activity.</returns>
    public static Activity HeroCard(IList<Choice> choices, string? text = null, string? speak = null, ChoiceFactoryOptions? options = null)
    {
        var card = new HeroCard { Text = text, Buttons = ToActions(choices) };
        var message = Message(null, speak);
        message.Attachments = [card.ToAttachment()];
        message.Summary = InlineText(choices, text, options);
        return message;
    }

    /// <summary>
    /// An Adaptive Card holding the prompt text and one Action.Submit button per choice, in rows of three; a press
    /// comes back as a message whose value holds the choice under <see cref="CardChoiceProperty"/> (read it with
    /// <see cref="ChoiceOf"/>). The activity's summary reads the choices inline.
    /// </summary>
    /// <param name="choices">The choices.</param>
    /// <param name="text">The prompt text.</param>
    /// <param name="speak">Optional speech.</param>
    /// <param name="options">Text rendering options (for the summary).</param>
    /// <returns>A message activity.</returns>
    public static Activity AdaptiveCard(IList<Choice> choices, string? text = null, string? speak = null, ChoiceFactoryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var body = new List<JsonNode>();
        if (!string.IsNullOrEmpty(text))
        {
            body.Add(AdaptiveCards.TextBlock(text));
        }

        var buttons = choices.Select(c => (JsonNode)AdaptiveCards.Submit(TitleOf(c), new JsonObject { [CardChoiceProperty] = c.Value })).ToList();
        body.AddRange(buttons.Chunk(AdaptiveButtonsPerRow).Select(row => (JsonNode)AdaptiveCards.ActionSet(row)));
        var summary = InlineText(choices, text, options);
        var message = Message(null, speak);
        message.Attachments = [AdaptiveCards.ToAttachment(AdaptiveCards.Card(body, fallbackText: summary))];
        message.Summary = summary;
        return message;
    }

    /// <summary>The choice an Adaptive Card choice button sent (its value's <see cref="CardChoiceProperty"/>), or null.</summary>
    /// <param name="activity">The incoming message.</param>
    /// <returns>The chosen value.</returns>
    public static string? ChoiceOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Value is { ValueKind: JsonValueKind.Object } value
            && value.TryGetProperty(CardChoiceProperty, out var choice) && choice.ValueKind == JsonValueKind.String
            ? choice.GetString()
            : null;
    }

    /// <summary>The card actions for choices: each choice's own action, or an imBack whose title and value are the choice's value.</summary>
    /// <param name="choices">The choices.</param>
    /// <returns>One action per choice.</returns>
    public static IList<CardAction> ToActions(IList<Choice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);

        // imBack with title == value: channels post the value as the user's text (spec §7), which the recognizer then matches exactly.
        return [.. choices.Select(choice => choice.Action ?? new CardAction(ActionTypes.ImBack, choice.Value, choice.Value))];
    }

    private static string InlineText(IList<Choice> choices, string? text, ChoiceFactoryOptions? options)
    {
        ArgumentNullException.ThrowIfNull(choices);
        options ??= new ChoiceFactoryOptions();
        var builder = new StringBuilder(text ?? string.Empty);
        builder.Append(' ');
        for (var i = 0; i < choices.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(i + 1 < choices.Count ? options.InlineSeparator : choices.Count == 2 ? options.InlineOr : options.InlineOrMore);
            }

            if (options.IncludeNumbers)
            {
                builder.Append('(').Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(") ");
            }

            builder.Append(TitleOf(choices[i]));
        }

        return builder.ToString().Trim();
    }

    private static string TitleOf(Choice choice) => choice.Action?.Title is { Length: > 0 } title ? title : choice.Value;

    private static Activity Message(string? text, string? speak)
    {
        var message = Activity.CreateMessageActivity();
        message.Text = text;
        message.Speak = speak;
        message.InputHint = InputHints.ExpectingInput;
        return message;
    }
}
