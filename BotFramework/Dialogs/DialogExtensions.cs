using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.State;

namespace AuthorBot.BotFramework.Dialogs;

/// <summary>Runs a root dialog for a turn, the way a bot's message handler does.</summary>
public static class DialogExtensions
{
    /// <summary>What the user is told when the stored conversation can no longer be continued.</summary>
    public const string LostTrackMessage = "Sorry, I lost track of where we were. Let's start again.";

    /// <summary>
    /// Continues the active dialog with this turn's activity, or starts <paramref name="dialog"/> when none is active.
    /// If the stored stack cannot be continued (it names a dialog this bot no longer has, or its JSON no longer fits),
    /// the stack is cleared, the user is told politely, and the root dialog starts again instead of failing every turn.
    /// </summary>
    /// <param name="dialog">The root dialog.</param>
    /// <param name="turnContext">The turn.</param>
    /// <param name="accessor">Where the dialog stack is kept (a conversation state property).</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    /// <returns>The turn result.</returns>
    public static async Task<DialogTurnResult> RunAsync(this Dialog dialog, ITurnContext turnContext, IStatePropertyAccessor<DialogState> accessor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(accessor);
        var dialogSet = new DialogSet(accessor).Add(dialog);
        try
        {
            var dc = await dialogSet.CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);
            var result = await dc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
            return result.Status == DialogTurnStatus.Empty
                ? await dc.BeginDialogAsync(dialog.Id, null, cancellationToken).ConfigureAwait(false)
                : result;
        }
        catch (Exception ex) when (ex is StoredDialogNotFoundException or StateFormatException)
        {
            await accessor.SetAsync(turnContext, new DialogState(), cancellationToken).ConfigureAwait(false);
            await turnContext.SendActivityAsync(LostTrackMessage, cancellationToken: cancellationToken).ConfigureAwait(false);
            var fresh = await dialogSet.CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);
            return await fresh.BeginDialogAsync(dialog.Id, null, cancellationToken).ConfigureAwait(false);
        }
    }
}
