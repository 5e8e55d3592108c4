using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Dialogs.Prompts;

/// <summary>Asks the user to send a file or image and ends with the attachments of their message.</summary>
public class AttachmentPrompt : Prompt<IList<Attachment>>
{
    /// <summary>Creates the prompt.</summary>
    /// <param name="dialogId">Its id.</param>
    /// <param name="validator">Optional validation, e.g. allowed content types or size.</param>
    public AttachmentPrompt(string dialogId, PromptValidator<IList<Attachment>>? validator = null)
        : base(dialogId, validator)
    {
    }

    /// <inheritdoc />
    protected override string? RetryHint => "Sorry, I need a file or an image; use the attachment button to send one.";

    /// <inheritdoc />
    protected override Task<PromptRecognizerResult<IList<Attachment>>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object?> state, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);

        // Cards the bot itself echoes back (e.g. Teams adds an HTML copy of the text) are not uploads.
        var attachments = turnContext.Activity.Attachments?
            .Where(a => !string.IsNullOrEmpty(a.ContentUrl) || a.Content is not null)
            .Where(a => a.ContentType is not "text/html")
            .ToList() ?? [];
        return Task.FromResult(new PromptRecognizerResult<IList<Attachment>> { Succeeded = attachments.Count > 0, Value = attachments });
    }
}
