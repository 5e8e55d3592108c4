using AuthorBot.BotFramework.Builder;
using AuthorBot.Recognizers.DateTime;

namespace AuthorBot.BotFramework.Dialogs.Prompts;

/// <summary>
/// Asks for a date or time ("next Friday at 7pm", "tomorrow", "in 2 weeks") and ends with its resolutions, resolved
/// against the user's local time when the channel sends it.
/// </summary>
public class DateTimePrompt : Prompt<IList<DateTimeResolution>>
{
    /// <summary>Creates the prompt.</summary>
    /// <param name="dialogId">Its id.</param>
    /// <param name="validator">Optional validation, e.g. "must be in the future".</param>
    public DateTimePrompt(string dialogId, PromptValidator<IList<DateTimeResolution>>? validator = null)
        : base(dialogId, validator)
    {
    }

    /// <summary>The clock used when the activity carries no local timestamp.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <inheritdoc />
    protected override string? RetryHint => "Sorry, I need a date or time, like \"next Friday at 7pm\".";

    /// <inheritdoc />
    protected override Task<PromptRecognizerResult<IList<DateTimeResolution>>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var text = turnContext.Activity.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            return Task.FromResult(new PromptRecognizerResult<IList<DateTimeResolution>>());
        }

        // Relative answers ("tomorrow evening") mean the user's wall clock, so prefer the channel's local timestamp.
        var reference = turnContext.Activity.LocalTimestamp?.DateTime ?? TimeProvider.GetLocalNow().DateTime;

        // English is the only culture the recognizer has; other locales still get English parsing rather than an error.
        var found = DateTimeRecognizer.RecognizeDateTime(text, DateTimeRecognizer.English, reference);
        var resolutions = found.Count == 0
            ? []
            : found[0].Values.Select(value => new DateTimeResolution
            {
                Value = value.GetValueOrDefault("value"),
                Start = value.GetValueOrDefault("start"),
                End = value.GetValueOrDefault("end"),
                Timex = value.GetValueOrDefault("timex"),
            }).ToList();
        return Task.FromResult(new PromptRecognizerResult<IList<DateTimeResolution>>
        {
            Succeeded = resolutions.Count > 0,
            Value = resolutions,
        });
    }
}
