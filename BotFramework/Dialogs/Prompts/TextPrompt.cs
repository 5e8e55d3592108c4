using AuthorBot.BotFramework.Builder;

namespace AuthorBot.BotFramework.Dialogs.Prompts;

/// <summary>Asks for free text (a name, an email before validation, a comment). Empty messages are not accepted.</summary>
public class TextPrompt : Prompt<string>
{
    /// <summary>Creates the prompt.</summary>
    /// <param name="dialogId">Its id.</param>
    /// <param name="validator">Optional validation, e.g. an email format check.</param>
    public TextPrompt(string dialogId, PromptValidator<string>? validator = null)
        : base(dialogId, validator)
    {
    }

    /// <inheritdoc />
    protected override string? RetryHint => "Sorry, I need a text answer.";

    /// <inheritdoc />
    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var text = turnContext.Activity.Text?.Trim();
        return Task.FromResult(new PromptRecognizerResult<string> { Succeeded = !string.IsNullOrEmpty(text), Value = text });
    }
}
