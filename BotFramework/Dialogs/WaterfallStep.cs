namespace AuthorBot.BotFramework.Dialogs;

/// <summary>One step of a <see cref="WaterfallDialog"/>.</summary>
/// <param name="stepContext">The step's context: the previous step's result, the dialog's values and options.</param>
/// <param name="cancellationToken">Cancels the turn.</param>
/// <returns>Usually a prompt's result (wait for the user), <c>NextAsync</c>, or <c>EndDialogAsync</c>.</returns>
public delegate Task<DialogTurnResult> WaterfallStep(WaterfallStepContext stepContext, CancellationToken cancellationToken);
