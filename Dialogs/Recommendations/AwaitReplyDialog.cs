using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Dialogs;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.Dialogs.Recommendations;

/// <summary>
/// Waits for the reader's next message while a list is on screen. Unlike a prompt it accepts anything (the browse
/// step reads it); it exists so that "help" and similar interruptions, which ask the active dialog to reprompt,
/// get the list's hint again instead of silence.
/// </summary>
/// <param name="dialogId">Its id.</param>
/// <param name="hint">What to say when asked to reprompt.</param>
/// <param name="isReply">Whether a message is about the list (so not a change of topic).</param>
internal sealed class AwaitReplyDialog(string dialogId, string hint, Func<ITurnContext, CancellationToken, Task<bool>> isReply) : Dialog(dialogId)
{
    /// <inheritdoc />
    public override Task<bool> RecognizesAnswerAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.Activity.Type == ActivityTypes.Message ? isReply(turnContext, cancellationToken) : Task.FromResult(false);
    }

    /// <inheritdoc />
    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(EndOfTurn);

    /// <inheritdoc />
    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.Context.Activity.Type == ActivityTypes.Message
            ? dc.EndDialogAsync(dc.Context.Activity.Text, cancellationToken)
            : Task.FromResult(EndOfTurn);
    }

    /// <inheritdoc />
    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.SendActivityAsync(Replies.Question(hint), cancellationToken);
    }
}
