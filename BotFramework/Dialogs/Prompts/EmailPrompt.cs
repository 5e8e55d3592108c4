using AuthorBot.BotFramework.Builder;
using AuthorBot.Recognizers;
using AuthorBot.Recognizers.Sequence;

namespace AuthorBot.BotFramework.Dialogs.Prompts;

/// <summary>
/// Asks for an e-mail address and ends with it as written ("my email is jo@example.org" gives "jo@example.org"), read
/// by the Recognizers e-mail model. When the reply holds several addresses the first is taken. A reply without one is
/// asked again with what is missing: an '@', or a name and domain around it.
/// </summary>
public class EmailPrompt : Prompt<string>
{
    private const string ProblemKey = "emailProblem";
    private const string NoAt = "noAt";
    private const string Incomplete = "incomplete";
    private const string Refused = "refused";

    /// <summary>Creates the prompt.</summary>
    /// <param name="dialogId">Its id.</param>
    /// <param name="validator">Optional validation, e.g. a domain allow-list.</param>
    public EmailPrompt(string dialogId, PromptValidator<string>? validator = null)
        : base(dialogId, validator)
    {
    }

    /// <inheritdoc />
    protected override string? RetryHint => "That doesn't look like an email address (it needs an '@', like jo@example.org).";

    /// <inheritdoc />
    protected override string? GetRetryHint(IDictionary<string, object?> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.GetValue<string>(ProblemKey) switch
        {
            Incomplete => "That doesn't look like an email address (it needs a name before the '@' and a domain after it, like jo@example.org).",

            // A validator turned down a well-formed address without saying why; "it needs an '@'" would be wrong.
            Refused => "Sorry, I can't use that email address; please give another one.",
            _ => RetryHint,
        };
    }

    /// <inheritdoc />
    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(state);
        var text = turnContext.Activity.Text;
        var result = new PromptRecognizerResult<string>();
        if (!string.IsNullOrWhiteSpace(text)
            && SequenceRecognizer.RecognizeEmail(text, Culture.English) is [var first, ..]
            && first.Resolution.TryGetValue("value", out var value)
            && value is string { Length: > 0 } address)
        {
            result.Succeeded = true;
            result.Value = address;
            state[ProblemKey] = Refused;
        }
        else
        {
            state[ProblemKey] = text?.Contains('@', StringComparison.Ordinal) == true ? Incomplete : NoAt;
        }

        return Task.FromResult(result);
    }
}
