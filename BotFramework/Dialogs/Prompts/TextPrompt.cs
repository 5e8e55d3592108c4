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
    /// <remarks>Any text is a text answer, so nothing in a message proves it was meant as one: always false.</remarks>
    public override Task<bool> RecognizesAnswerAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default) =>
        Task.FromResult(false);

    /// <inheritdoc />
    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var text = turnContext.Activity.Text?.Trim();
        return Task.FromResult(new PromptRecognizerResult<string> { Succeeded = !string.IsNullOrEmpty(text), Value = text });
    }
}
