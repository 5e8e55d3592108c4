using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Dialogs.Choices;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Dialogs.Prompts;

/// <summary>
/// Asks a yes/no question with Yes/No buttons; understands "yes", "yeah", "sure", "y", "nope", "n", "not now",
/// the button titles and their numbers ("1" for yes).
/// </summary>
public class ConfirmPrompt : Prompt<bool>
{
    /// <summary>Creates the prompt.</summary>
    /// <param name="dialogId">Its id.</param>
    /// <param name="validator">Optional validation.</param>
    public ConfirmPrompt(string dialogId, PromptValidator<bool>? validator = null)
        : base(dialogId, validator)
    {
    }

    /// <summary>How the Yes/No choices are shown. Default <see cref="ListStyle.Auto"/> (per channel).</summary>
    public ListStyle Style { get; set; } = ListStyle.Auto;

    /// <summary>The yes and no choices, in that order. Default "Yes" and "No".</summary>
    public (Choice Yes, Choice No) ConfirmChoices { get; set; } = (new Choice("Yes"), new Choice("No"));

    /// <summary>Text rendering options for the choices.</summary>
    public ChoiceFactoryOptions? ChoiceOptions { get; set; }

    /// <inheritdoc />
    protected override string? RetryHint => "Sorry, I need a yes or a no.";

    /// <summary>The yes/no reader; internal so the Recognizers project's boolean model can replace the local one.</summary>
    internal IBooleanRecognizer BooleanRecognizer { get; set; } = LocalYesNoRecognizer.Instance;

    /// <inheritdoc />
    protected override Activity Decorate(ITurnContext turnContext, Activity question, PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        return AppendChoices(question, Channel.GetChannelId(turnContext), [ConfirmChoices.Yes, ConfirmChoices.No], options.Style ?? Style, ChoiceOptions);
    }

    /// <inheritdoc />
    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var text = turnContext.Activity.Text;
        var answer = BooleanRecognizer.Recognize(text, turnContext.Activity.Locale);
        if (answer is null)
        {
            // The buttons' own titles and numbers ("1", "the first one") count too, even when renamed ("Yes please").
            var picked = ChoiceRecognizers.RecognizeChoices(text, [ConfirmChoices.Yes, ConfirmChoices.No], new FindChoicesOptions { AllowPartialMatches = false });
            // Both buttons named ("yes no") is no answer at all.
            if (picked.Count == 1)
            {
                answer = picked[0].Resolution.Index == 0;
            }
        }

        return Task.FromResult(new PromptRecognizerResult<bool> { Succeeded = answer is not null, Value = answer ?? false });
    }
}
