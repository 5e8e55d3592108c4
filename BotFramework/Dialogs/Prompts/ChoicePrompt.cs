using System.Text.Json;
using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Dialogs.Choices;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Dialogs.Prompts;

/// <summary>
/// Offers a list of choices, rendered for the channel (buttons, suggested actions or text), and ends with the
/// <see cref="FoundChoice"/> the user picked by value, synonym, position ("2", "the second one", "last") or a close
/// misspelling.
/// </summary>
public class ChoicePrompt : Prompt<FoundChoice>
{
    /// <summary>Creates the prompt.</summary>
    /// <param name="dialogId">Its id.</param>
    /// <param name="validator">Optional validation.</param>
    public ChoicePrompt(string dialogId, PromptValidator<FoundChoice>? validator = null)
        : base(dialogId, validator)
    {
    }

    /// <summary>How choices are shown unless the options say otherwise. Default <see cref="ListStyle.Auto"/> (per channel).</summary>
    public ListStyle Style { get; set; } = ListStyle.Auto;

    /// <summary>Text rendering options for the choices.</summary>
    public ChoiceFactoryOptions? ChoiceOptions { get; set; }

    /// <summary>Which kinds of answer are recognized.</summary>
    public FindChoicesOptions? RecognizerOptions { get; set; }

    /// <inheritdoc />
    protected override string? RetryHint => "Sorry, I didn't catch which one you meant. Please pick one of the options.";

    /// <inheritdoc />
    protected override void ValidateOptions(PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Choices is not { Count: > 0 })
        {
            throw new ArgumentException($"Choice prompt '{Id}' needs at least one choice in PromptOptions.Choices.", nameof(options));
        }
    }

    /// <inheritdoc />
    protected override Activity Decorate(ITurnContext turnContext, Activity question, PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        return AppendChoices(question, Channel.GetChannelId(turnContext), options.Choices ?? [], options.Style ?? Style, ChoiceOptions);
    }

    /// <inheritdoc />
    /// <remarks>
    /// A choice named in passing inside a longer message ("can you recommend me a book" finding "Lantern Books") does not
    /// make the message an answer: the matched words must make up at least a third of what was typed. Buttons, numbers
    /// and short replies still count.
    /// </remarks>
    public override async Task<bool> RecognizesAnswerAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(instance);
        if (!await base.RecognizesAnswerAsync(turnContext, instance, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var text = turnContext.Activity.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        var found = ChoiceRecognizers.RecognizeChoices(text, Options(instance).Choices ?? [], RecognizerOptions);
        return found.Count > 0 && (found[0].End - found[0].Start + 1) * 3 >= text.Length;
    }

    /// <inheritdoc />
    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var activity = turnContext.Activity;

        // A postBack/messageBack button may carry the choice in value rather than text, an Adaptive Card button in
        // value.choice.
        var said = !string.IsNullOrWhiteSpace(activity.Text)
            ? activity.Text
            : activity.Value is { ValueKind: JsonValueKind.String } value ? value.GetString() : ChoiceFactory.ChoiceOf(activity);
        var found = ChoiceRecognizers.RecognizeChoices(said, options.Choices ?? [], RecognizerOptions);

        // Two choices matched equally well ("book" for "Book launch" and "Book club"): ask again rather than guess.
        var ambiguous = found.Count > 1 && found[0].Resolution.Score.Equals(found[1].Resolution.Score);
        return Task.FromResult(found.Count > 0 && !ambiguous
            ? new PromptRecognizerResult<FoundChoice> { Succeeded = true, Value = found[0].Resolution }
            : new PromptRecognizerResult<FoundChoice> { Succeeded = false });
    }
}
