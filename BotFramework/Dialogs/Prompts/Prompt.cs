using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Diagnostics;
using AuthorBot.BotFramework.Dialogs.Choices;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Dialogs.Prompts;

/// <summary>
/// Asks the user a question and ends with the recognized, validated answer. An answer that is not recognized (or not
/// valid) gets a retry that says what is expected; after <see cref="MaxAttempts"/> answers the prompt ends with a
/// <see cref="NoAnswer"/> result instead of asking forever.
/// </summary>
/// <typeparam name="T">The answer's type.</typeparam>
public abstract class Prompt<T> : Dialog
{
    private const string OptionsKey = "options";
    private const string StateKey = "state";
    private const string AttemptCountKey = "attemptCount";

    // The turn state key of the answer RecognizesAnswerAsync read, which ContinueDialogAsync then takes instead of
    // recognizing the same message a second time.
    private const string RecognizedKey = "AuthorBot.Prompt.Recognized";

    private readonly PromptValidator<T>? _validator;
    private readonly int _maxAttempts = 3;

    /// <summary>Creates a prompt.</summary>
    /// <param name="dialogId">Its id.</param>
    /// <param name="validator">Optional extra validation of recognized answers.</param>
    protected Prompt(string dialogId, PromptValidator<T>? validator = null)
        : base(dialogId)
    {
        _validator = validator;
    }

    /// <summary>How many answers the user may give before the prompt ends with <see cref="NoAnswer"/>. Default 3.</summary>
    public int MaxAttempts
    {
        get => _maxAttempts;
        init => _maxAttempts = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A prompt needs at least one attempt.");
    }

    /// <summary>Text put before the question when asking again without a <see cref="PromptOptions.RetryPrompt"/>; says what is expected.</summary>
    protected virtual string? RetryHint => null;

    /// <summary>
    /// The retry text for this answer; the default is <see cref="RetryHint"/>. Override when the reason an answer was
    /// refused (kept in <paramref name="state"/> by <see cref="OnRecognizeAsync"/>) changes what to say.
    /// </summary>
    /// <param name="state">The prompt's state.</param>
    /// <returns>The text put before the question, or null for none.</returns>
    protected virtual string? GetRetryHint(IDictionary<string, object?> state) => RetryHint;

    /// <inheritdoc />
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var promptOptions = options switch
        {
            PromptOptions typed => typed,
            null => throw new ArgumentException($"Prompt '{Id}' needs PromptOptions (use DialogContext.PromptAsync).", nameof(options)),
            var other => DialogStateExtensions.Convert<PromptOptions>(other)
                ?? throw new ArgumentException($"Prompt '{Id}' needs PromptOptions.", nameof(options)),
        };
        ValidateOptions(promptOptions);
        var state = dc.ActiveDialog!.State;
        state[OptionsKey] = promptOptions;
        state[StateKey] = new Dictionary<string, object?>(StringComparer.Ordinal) { [AttemptCountKey] = 0 };
        DialogTelemetry.Prompted(dc, Id);
        await OnPromptAsync(dc.Context, PromptState(state), promptOptions, isRetry: false, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    /// <inheritdoc />
    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return EndOfTurn;
        }

        var instance = dc.ActiveDialog!;
        var options = Options(instance);
        PromptRecognizerResult<T> recognized;
        IDictionary<string, object?> state;
        if (dc.Context.TurnState.Get<RecognizedAnswer>(RecognizedKey) is { } earlier && earlier.Matches(this, instance, dc.Context.Activity))
        {
            // A parent asked whether this message answers the prompt (to tell an answer from a change of topic): the
            // recognizer already ran on a copy of this state, so that copy, with what the recognizer noted, is the state.
            dc.Context.TurnState.Remove(RecognizedKey);
            recognized = earlier.Result;
            state = earlier.State;
            instance.State[StateKey] = state;
        }
        else
        {
            state = PromptState(instance.State);
            recognized = await OnRecognizeAsync(dc.Context, state, options, cancellationToken).ConfigureAwait(false);
        }

        var attempts = state.GetValue<int>(AttemptCountKey) + 1;
        state[AttemptCountKey] = attempts;

        var valid = recognized.Succeeded;
        if (_validator is not null)
        {
            valid = await _validator(new PromptValidatorContext<T>(dc.Context, recognized, state, options, attempts), cancellationToken).ConfigureAwait(false);
        }

        if (valid)
        {
            return await dc.EndDialogAsync(recognized.Value, cancellationToken).ConfigureAwait(false);
        }

        if (attempts >= MaxAttempts)
        {
            DialogTelemetry.Exhausted(Id);
            return await dc.EndDialogAsync(new NoAnswer(Id, attempts), cancellationToken).ConfigureAwait(false);
        }

        DialogTelemetry.Retried(Id);
        DialogTelemetry.Prompted(dc, Id);

        // A validator that already explained the problem has responded; don't talk over it.
        if (!dc.Context.Responded)
        {
            await OnPromptAsync(dc.Context, state, options, isRetry: true, cancellationToken).ConfigureAwait(false);
        }

        return EndOfTurn;
    }

    /// <inheritdoc />
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);

        // A dialog pushed on top of the prompt has ended: ask the question again rather than taking its result as the answer.
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    /// <inheritdoc />
    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return OnPromptAsync(turnContext, PromptState(instance.State), Options(instance), isRetry: false, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Runs the recognizer (not the validator, which may talk) on a copy of the prompt's state.</remarks>
    public override async Task<bool> RecognizesAnswerAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(instance);
        if (turnContext.Activity.Type != ActivityTypes.Message)
        {
            return false;
        }

        var state = new Dictionary<string, object?>(PromptState(instance.State), StringComparer.Ordinal);
        var recognized = await OnRecognizeAsync(turnContext, state, Options(instance), cancellationToken).ConfigureAwait(false);
        turnContext.TurnState.Set(RecognizedKey, new RecognizedAnswer(this, instance, turnContext.Activity, recognized, state));
        return recognized.Succeeded;
    }

    /// <summary>Checks options at the start; override to require e.g. choices.</summary>
    /// <param name="options">The options.</param>
    protected virtual void ValidateOptions(PromptOptions options)
    {
    }

    /// <summary>Sends the question (or the retry). The default sends the prompt, or on retry the retry prompt / hint plus prompt.</summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="state">The prompt's state.</param>
    /// <param name="options">The options.</param>
    /// <param name="isRetry">Whether the last answer was not accepted.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <returns>A task.</returns>
    protected virtual async Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var activity = QuestionFor(options, isRetry ? GetRetryHint(state) : null, isRetry);
        await turnContext.SendActivityAsync(Decorate(turnContext, activity, options), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds choices or other decoration to the question; the default returns it unchanged.</summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="question">A fresh copy of the question.</param>
    /// <param name="options">The options.</param>
    /// <returns>The activity to send.</returns>
    protected virtual Activity Decorate(ITurnContext turnContext, Activity question, PromptOptions options) => question;

    /// <summary>Recognizes the answer in the user's message.</summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="state">The prompt's state.</param>
    /// <param name="options">The options.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <returns>The recognition result.</returns>
    protected abstract Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken);

    /// <summary>Adds choices to a question in the given style for the turn's channel (spec §7).</summary>
    /// <param name="question">The question.</param>
    /// <param name="channelId">The channel.</param>
    /// <param name="choices">The choices.</param>
    /// <param name="style">The style.</param>
    /// <param name="choiceOptions">Text rendering options.</param>
    /// <returns>The question with its choices.</returns>
    protected static Activity AppendChoices(Activity question, string? channelId, IList<Choice> choices, ListStyle style, ChoiceFactoryOptions? choiceOptions = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        var rendered = ChoiceFactory.Render(style, channelId, choices, question.Text, question.Speak, choiceOptions);
        question.Text = rendered.Text;
        question.Summary = rendered.Summary ?? question.Summary;
        if (rendered.SuggestedActions?.Actions is { Count: > 0 })
        {
            question.SuggestedActions = rendered.SuggestedActions;
        }

        if (rendered.Attachments is { Count: > 0 } attachments)
        {
            question.Attachments = [.. question.Attachments ?? [], .. attachments];
        }

        return question;
    }

    private static IDictionary<string, object?> PromptState(IDictionary<string, object?> instanceState)
    {
        var state = instanceState.GetValue<IDictionary<string, object?>>(StateKey) ?? new Dictionary<string, object?>(StringComparer.Ordinal);
        instanceState[StateKey] = state;
        return state;
    }

    private protected static PromptOptions Options(DialogInstance instance) =>
        instance.State.GetValue<PromptOptions>(OptionsKey) ?? new PromptOptions();

    private static Activity QuestionFor(PromptOptions options, string? retryHint, bool isRetry)
    {
        Activity question;
        if (isRetry && options.RetryPrompt is not null)
        {
            question = Copy(options.RetryPrompt);
        }
        else
        {
            question = options.Prompt is null ? Activity.CreateMessageActivity() : Copy(options.Prompt);
            if (retryHint is { Length: > 0 } hint)
            {
                question.Text = string.IsNullOrEmpty(question.Text) ? hint : $"{hint} {question.Text}";
            }
        }

        question.Type ??= ActivityTypes.Message;
        question.InputHint ??= InputHints.ExpectingInput;
        return question;
    }

    // Sending stamps ids and addresses on an activity, so each send gets its own copy of the stored question.
    private static Activity Copy(Activity activity) =>
        BotJson.Deserialize(BotJson.Serialize(activity), BotJsonContext.Default.Activity) ?? Activity.CreateMessageActivity();

    /// <summary>What <see cref="RecognizesAnswerAsync"/> recognized, for the same prompt, stack entry and message only.</summary>
    private sealed record RecognizedAnswer(Prompt<T> Prompt, DialogInstance Instance, Activity Message, PromptRecognizerResult<T> Result, IDictionary<string, object?> State)
    {
        public bool Matches(Prompt<T> prompt, DialogInstance instance, Activity message) =>
            ReferenceEquals(Prompt, prompt) && ReferenceEquals(Instance, instance) && ReferenceEquals(Message, message);
    }
}
