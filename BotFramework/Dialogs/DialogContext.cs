using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Diagnostics;
using AuthorBot.BotFramework.Dialogs.Prompts;

namespace AuthorBot.BotFramework.Dialogs;

/// <summary>Drives one dialog stack for the current turn: start, continue, end, replace and cancel dialogs.</summary>
public class DialogContext
{
    /// <summary>Creates a context over a stack.</summary>
    /// <param name="dialogs">The dialogs that can be started from this context.</param>
    /// <param name="turnContext">The turn.</param>
    /// <param name="state">The stack.</param>
    public DialogContext(DialogSet dialogs, ITurnContext turnContext, DialogState state)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(state);
        Dialogs = dialogs;
        Context = turnContext;
        Stack = state.DialogStack;
    }

    /// <summary>Creates a child context (a component's inner stack) whose dialogs can also start the parent's.</summary>
    /// <param name="dialogs">The child's dialogs.</param>
    /// <param name="parentDialogContext">The parent context.</param>
    /// <param name="state">The child's stack.</param>
    public DialogContext(DialogSet dialogs, DialogContext parentDialogContext, DialogState state)
        : this(dialogs, (parentDialogContext ?? throw new ArgumentNullException(nameof(parentDialogContext))).Context, state)
    {
        Parent = parentDialogContext;
    }

    /// <summary>Creates a view sharing another context's stack (used by waterfall steps).</summary>
    /// <param name="dc">The context to share.</param>
    protected DialogContext(DialogContext dc)
    {
        ArgumentNullException.ThrowIfNull(dc);
        Dialogs = dc.Dialogs;
        Context = dc.Context;
        Stack = dc.Stack;
        Parent = dc.Parent;
    }

    /// <summary>The dialogs that can be started here.</summary>
    public DialogSet Dialogs { get; }

    /// <summary>The turn.</summary>
    public ITurnContext Context { get; }

    /// <summary>The stack, top first.</summary>
    public IList<DialogInstance> Stack { get; }

    /// <summary>The parent context when this is a component's inner stack.</summary>
    public DialogContext? Parent { get; }

    /// <summary>The dialog on top of the stack, if any.</summary>
    public DialogInstance? ActiveDialog => Stack.Count > 0 ? Stack[0] : null;

    /// <summary>Pushes a dialog and starts it.</summary>
    /// <param name="dialogId">The dialog's id (in this set or a parent's).</param>
    /// <param name="options">Arguments for the dialog.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <returns>The turn result.</returns>
    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(dialogId);
        var dialog = FindDialog(dialogId)
            ?? throw new ArgumentException(
                $"Dialog '{dialogId}' was not found. Add it to this DialogSet, or call AddDialog() in your ComponentDialog's constructor.",
                nameof(dialogId));
        Stack.Insert(0, new DialogInstance { Id = dialogId });
        DialogTelemetry.Started(dialog);
        return await dialog.BeginDialogAsync(this, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts a prompt.</summary>
    /// <param name="dialogId">The prompt's id.</param>
    /// <param name="options">What to ask and how.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <returns>The turn result.</returns>
    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Passes the user's message to the active dialog; Empty when no dialog is active.</summary>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <returns>The turn result.</returns>
    /// <exception cref="StoredDialogNotFoundException">The stack names a dialog that is not registered.</exception>
    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is not { } active)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        return await FindStoredDialog(active.Id).ContinueDialogAsync(this, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends the active dialog and resumes its parent with <paramref name="result"/>; Complete when the stack is now empty.</summary>
    /// <param name="result">The dialog's result.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <returns>The turn result.</returns>
    public async Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        await EndActiveDialogAsync(DialogReason.EndCalled, cancellationToken).ConfigureAwait(false);
        if (ActiveDialog is { } parent)
        {
            return await FindStoredDialog(parent.Id).ResumeDialogAsync(this, DialogReason.EndCalled, result, cancellationToken).ConfigureAwait(false);
        }

        return new DialogTurnResult(DialogTurnStatus.Complete, result);
    }

    /// <summary>Ends every dialog on this stack.</summary>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <returns>Cancelled, or Empty when nothing was active.</returns>
    public async Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken = default)
    {
        if (Stack.Count == 0)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        while (Stack.Count > 0)
        {
            await EndActiveDialogAsync(DialogReason.CancelCalled, cancellationToken).ConfigureAwait(false);
        }

        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    /// <summary>Ends the active dialog and starts another in its place (loops without growing the stack).</summary>
    /// <param name="dialogId">The dialog to start.</param>
    /// <param name="options">Arguments for it.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <returns>The turn result.</returns>
    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
    {
        await EndActiveDialogAsync(DialogReason.ReplaceCalled, cancellationToken).ConfigureAwait(false);
        return await BeginDialogAsync(dialogId, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Asks the active dialog to repeat its question.</summary>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <returns>A task.</returns>
    public async Task RepromptDialogAsync(CancellationToken cancellationToken = default)
    {
        if (ActiveDialog is { } active)
        {
            await FindStoredDialog(active.Id).RepromptDialogAsync(Context, active, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Whether the turn's message answers the active dialog's question (see <see cref="Dialog.RecognizesAnswerAsync"/>).</summary>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <returns>True when it does; false with no active dialog.</returns>
    public Task<bool> RecognizesAnswerAsync(CancellationToken cancellationToken = default) =>
        ActiveDialog is { } active && FindDialog(active.Id) is { } dialog
            ? dialog.RecognizesAnswerAsync(Context, active, cancellationToken)
            : Task.FromResult(false);

    /// <summary>Finds a dialog in this set or, failing that, in the parents'.</summary>
    /// <param name="dialogId">The id.</param>
    /// <returns>The dialog, or null.</returns>
    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId) ?? Parent?.FindDialog(dialogId);

    private Dialog FindStoredDialog(string dialogId) => FindDialog(dialogId) ?? throw StoredDialogNotFoundException.For(dialogId);

    private async Task EndActiveDialogAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        if (ActiveDialog is not { } instance)
        {
            return;
        }

        // An unknown stored dialog is simply popped: ending must always make progress.
        if (FindDialog(instance.Id) is { } dialog)
        {
            await dialog.EndDialogAsync(Context, instance, reason, cancellationToken).ConfigureAwait(false);
            DialogTelemetry.Ended(dialog, reason);
        }

        Stack.RemoveAt(0);
    }
}
