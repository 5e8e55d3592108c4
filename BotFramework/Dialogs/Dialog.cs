using AuthorBot.BotFramework.Builder;

namespace AuthorBot.BotFramework.Dialogs;

/// <summary>A unit of conversation that can be started, continued by the user's messages, and ended with a result.</summary>
public abstract class Dialog
{
    /// <summary>The result a dialog returns when it waits for the user's next message.</summary>
    public static readonly DialogTurnResult EndOfTurn = new(DialogTurnStatus.Waiting);

    /// <summary>Creates a dialog.</summary>
    /// <param name="dialogId">Its id, unique within its dialog set.</param>
    protected Dialog(string dialogId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dialogId);
        Id = dialogId;
    }

    /// <summary>The dialog's id, unique within its dialog set; it is stored in the dialog stack.</summary>
    public string Id { get; }

    /// <summary>Starts the dialog; it is already on top of the stack.</summary>
    /// <param name="dc">The dialog context.</param>
    /// <param name="options">Arguments from the caller.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <returns>The turn result.</returns>
    public abstract Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default);

    /// <summary>Continues the dialog with the user's new message. By default the dialog ends.</summary>
    /// <param name="dc">The dialog context.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <returns>The turn result.</returns>
    public virtual Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.EndDialogAsync(null, cancellationToken);
    }

    /// <summary>Resumes the dialog after a child it started ended. By default the dialog ends with the child's result.</summary>
    /// <param name="dc">The dialog context.</param>
    /// <param name="reason">Why it resumes.</param>
    /// <param name="result">The child's result.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <returns>The turn result.</returns>
    public virtual Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.EndDialogAsync(result, cancellationToken);
    }

    /// <summary>Asks the user again for whatever the dialog is waiting for. By default does nothing.</summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="instance">The dialog's stack entry.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <returns>A task.</returns>
    public virtual Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;

    /// <summary>
    /// Whether the turn's message reads as an answer to what this dialog waits for (a recognized choice, a yes or no, an
    /// email address), judged without changing its state. A parent uses it to tell an answer from a change of topic. The
    /// default is false: a dialog that accepts anything cannot say a message was meant for it.
    /// </summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="instance">The dialog's stack entry.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <returns>True when the message answers the dialog.</returns>
    public virtual Task<bool> RecognizesAnswerAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default) =>
        Task.FromResult(false);

    /// <summary>Called when the dialog leaves the stack (ended, replaced or cancelled). By default does nothing.</summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="instance">The dialog's stack entry.</param>
    /// <param name="reason">Why it ends.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <returns>A task.</returns>
    public virtual Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default) =>
        Task.CompletedTask;
}
