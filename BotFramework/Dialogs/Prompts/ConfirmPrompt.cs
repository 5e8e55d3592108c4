using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Dialogs.Choices;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Recognizers;
using AuthorBot.Recognizers.Choice;

namespace AuthorBot.BotFramework.Dialogs.Prompts;

/// <summary>
/// Asks a yes/no question with Yes/No buttons. Answers are read by the Recognizers boolean model ("yes", "yeah",
/// "sure", "👍", "nope", "not now", "I don't"); as in Bot Builder, a reply the model cannot read is matched against the
/// buttons themselves, so their numbers and positions ("1", "the second one") and renamed titles count too.
/// </summary>
/// <remarks>
/// A reply that says both ("yes no", "ok... actually not ok") is asked again rather than guessed, and an uncertain one
/// ("not sure", "no idea") is never read as an answer.
/// </remarks>
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
        var answer = string.IsNullOrWhiteSpace(text) ? null : ReadBoolean(text) ?? ReadButton(text);
        return Task.FromResult(new PromptRecognizerResult<bool> { Succeeded = answer is not null, Value = answer ?? false });
    }

    /// <summary>The model's answer, or null when there is none or the rest of the reply says the opposite.</summary>
    private static bool? ReadBoolean(string text)
    {
        // English is the only culture the recognizer has; other locales still get English parsing rather than an error.
        if (ChoiceRecognizer.RecognizeBoolean(text, Culture.English) is not [var best] || best.Resolution["value"] is not bool value)
        {
            return null;
        }

        // The model keeps only its best match ("Yes. I said no" is yes); for a confirmation an answer that also says the
        // opposite is better asked again. Blanking the match keeps offsets and lets the model read what is left.
        var rest = string.Create(text.Length, (text, best.Start, best.End), static (span, s) =>
        {
            s.text.AsSpan().CopyTo(span);
            span[s.Start..(s.End + 1)].Fill(' ');
        });
        return ChoiceRecognizer.RecognizeBoolean(rest, Culture.English) is [var other] && other.Resolution["value"] is bool otherValue && otherValue != value
            ? null
            : value;
    }

    /// <summary>The button the whole reply names: its title ("Yes please"), number ("1") or position ("the second one").</summary>
    private bool? ReadButton(string text)
    {
        var picked = ChoiceRecognizers.RecognizeChoices(text, [ConfirmChoices.Yes, ConfirmChoices.No], new FindChoicesOptions { AllowPartialMatches = false, MaxEditDistanceRatio = 0 });

        // Only a reply that is nothing but the button counts, so "no idea" is not the No button; "yes no" names both.
        var tokens = Tokenizer.Tokenize(text);
        return picked is [var only] && tokens.Count > 0 && only.Start == tokens[0].Start && only.End == tokens[^1].End
            ? only.Resolution.Index == 0
            : null;
    }
}
