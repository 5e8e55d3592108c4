using AuthorBot.BotFramework.Builder;

namespace AuthorBot.BotFramework.Dialogs;

/// <summary>
/// A dialog made of other dialogs with its own inner stack: the unit a flow (sign-up, RSVP, ...) is written as.
/// Override <see cref="OnContinueDialogAsync"/> to handle interruptions such as "help" or "cancel" before the
/// inner dialog sees the message.
/// </summary>
public class ComponentDialog : Dialog
{
    private const string PersistedDialogState = "dialogs";

    private readonly DialogSet _dialogs = new();

    /// <summary>Creates a component.</summary>
    /// <param name="dialogId">Its id.</param>
    public ComponentDialog(string dialogId)
        : base(dialogId)
    {
    }

    /// <summary>The inner dialog started when the component begins; defaults to the first dialog added.</summary>
    public string? InitialDialogId { get; set; }

    /// <summary>Adds an inner dialog (the first one added becomes <see cref="InitialDialogId"/> unless set).</summary>
    /// <param name="dialog">The dialog.</param>
    /// <returns>This component.</returns>
    public ComponentDialog AddDialog(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        _dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        return this;
    }

    /// <summary>Finds an inner dialog by id.</summary>
    /// <param name="dialogId">The id.</param>
    /// <returns>The dialog, or null.</returns>
    public Dialog? FindDialog(string dialogId) => _dialogs.Find(dialogId);

    /// <inheritdoc />
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var inner = CreateInnerContext(dc, dc.ActiveDialog!);
        var result = await OnBeginDialogAsync(inner, options, cancellationToken).ConfigureAwait(false);
        return result.Status == DialogTurnStatus.Waiting ? EndOfTurn : await EndComponentAsync(dc, result.Result, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var inner = CreateInnerContext(dc, dc.ActiveDialog!);
        var result = await OnContinueDialogAsync(inner, cancellationToken).ConfigureAwait(false);
        return result.Status == DialogTurnStatus.Waiting ? EndOfTurn : await EndComponentAsync(dc, result.Result, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);

        // Something was pushed on top of the component and has ended: ask the inner dialog's question again.
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    /// <inheritdoc />
    public override async Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var inner = new DialogContext(_dialogs, turnContext, InnerState(instance));
        await inner.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override Task<bool> RecognizesAnswerAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);

        // The question is asked by the innermost dialog; ask it.
        return new DialogContext(_dialogs, turnContext, InnerState(instance)).RecognizesAnswerAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override async Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (reason == DialogReason.CancelCalled)
        {
            var inner = new DialogContext(_dialogs, turnContext, InnerState(instance));
            await inner.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Starts the inner dialogs; by default begins <see cref="InitialDialogId"/>.</summary>
    /// <param name="innerDc">The inner context.</param>
    /// <param name="options">The component's options.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <returns>The inner turn result.</returns>
    protected virtual Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        var initial = InitialDialogId ?? throw new InvalidOperationException($"Component '{Id}' has no dialogs; call AddDialog() in its constructor.");
        return innerDc.BeginDialogAsync(initial, options, cancellationToken);
    }

    /// <summary>Continues the inner dialogs; override to intercept messages (interruptions) first.</summary>
    /// <param name="innerDc">The inner context.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <returns>The inner turn result.</returns>
    protected virtual Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        return innerDc.ContinueDialogAsync(cancellationToken);
    }

    /// <summary>Ends the component with the inner result; override to change the result.</summary>
    /// <param name="outerDc">The outer context.</param>
    /// <param name="result">The inner result.</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <returns>The outer turn result.</returns>
    protected virtual Task<DialogTurnResult> EndComponentAsync(DialogContext outerDc, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outerDc);
        return outerDc.EndDialogAsync(result, cancellationToken);
    }

    private static DialogState InnerState(DialogInstance instance)
    {
        var state = instance.State.GetValue<DialogState>(PersistedDialogState) ?? new DialogState();
        instance.State[PersistedDialogState] = state;
        return state;
    }

    private DialogContext CreateInnerContext(DialogContext outer, DialogInstance instance) =>
        new(_dialogs, outer, InnerState(instance));
}
