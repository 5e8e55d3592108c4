using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Recognizers.DateTime;

namespace AuthorBot.BotFramework.Dialogs.Prompts;

/// <summary>
/// Asks for a date or time ("next Friday at 7pm", "tomorrow", "in 2 weeks") and ends with all its resolutions (TIMEX
/// plus value, or start and end for a range), resolved on the reader's wall clock.
/// </summary>
/// <remarks>
/// "Now" is the activity's instant (its <c>localTimestamp</c>, else its <c>timestamp</c>, else <see cref="TimeProvider"/>)
/// seen in the reader's zone: the per-call <see cref="DateTimePromptOptions.TimeZone"/>, else the activity's
/// <c>localTimezone</c>, else the offset of its <c>localTimestamp</c>, else the <see cref="TimeProvider"/>'s local zone.
/// Resolved values are that zone's wall-clock times, as in Bot Builder; an unknown <c>localTimezone</c> from a channel
/// is ignored rather than failing the turn.
/// </remarks>
public class DateTimePrompt : Prompt<IList<DateTimeResolution>>
{
    private const string TimeZoneKey = "timeZone";

    /// <summary>Creates the prompt.</summary>
    /// <param name="dialogId">Its id.</param>
    /// <param name="validator">Optional validation, e.g. "must be in the future".</param>
    public DateTimePrompt(string dialogId, PromptValidator<IList<DateTimeResolution>>? validator = null)
        : base(dialogId, validator)
    {
    }

    /// <summary>The clock (and fallback zone) used when the activity carries no time of its own.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <inheritdoc />
    protected override string? RetryHint => "Sorry, I need a date or time, like \"next Friday at 7pm\".";

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The options name a time zone this machine does not know.</exception>
    protected override void ValidateOptions(PromptOptions options)
    {
        if (options is DateTimePromptOptions { TimeZone: { } id } && FindZone(id) is null)
        {
            throw new ArgumentException($"Prompt '{Id}': unknown time zone '{id}'.", nameof(options));
        }
    }

    /// <inheritdoc />
    protected override Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);

        // The typed options are only seen when the prompt begins (stored options come back as plain PromptOptions),
        // so the zone is kept in the prompt's own state.
        if (options is DateTimePromptOptions { TimeZone: { } id })
        {
            state[TimeZoneKey] = id;
        }

        return base.OnPromptAsync(turnContext, state, options, isRetry, cancellationToken);
    }

    /// <inheritdoc />
    protected override Task<PromptRecognizerResult<IList<DateTimeResolution>>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(state);
        var text = turnContext.Activity.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            return Task.FromResult(new PromptRecognizerResult<IList<DateTimeResolution>>());
        }

        var reference = ReaderNow(turnContext.Activity, state.GetValue<string>(TimeZoneKey));

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

    /// <summary>The reader's wall-clock "now" for this activity.</summary>
    internal DateTime ReaderNow(Activity activity, string? timeZoneOption)
    {
        var instant = activity.LocalTimestamp ?? activity.Timestamp ?? TimeProvider.GetUtcNow();
        var zone = FindZone(timeZoneOption) ?? FindZone(activity.LocalTimezone);
        if (zone is not null)
        {
            return TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        }

        return activity.LocalTimestamp is { } local ? local.DateTime : TimeZoneInfo.ConvertTime(instant, TimeProvider.LocalTimeZone).DateTime;
    }

    private static TimeZoneInfo? FindZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) ? zone : null;
}
