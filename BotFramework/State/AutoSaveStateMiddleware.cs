using AuthorBot.BotFramework.Builder;

namespace AuthorBot.BotFramework.State;

/// <summary>Saves the given states once at the end of every turn that completes (user and conversation state in one write per store).</summary>
public class AutoSaveStateMiddleware : IMiddleware
{
    /// <summary>Creates the middleware.</summary>
    /// <param name="botStates">The states to save.</param>
    public AutoSaveStateMiddleware(params BotState[] botStates)
    {
        BotStateSet = new BotStateSet(botStates);
    }

    /// <summary>The states saved after each turn.</summary>
    public BotStateSet BotStateSet { get; }

    /// <summary>
    /// Loads every state before the turn, with one read per store, instead of each on first use. For bots whose every
    /// turn reads all of them anyway (a dialog stack and a profile): one query instead of one per state.
    /// </summary>
    public bool LoadBeforeTurn { get; init; }

    /// <inheritdoc />
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (LoadBeforeTurn)
        {
            await BotStateSet.LoadAllAsync(turnContext, force: false, cancellationToken).ConfigureAwait(false);
        }

        await next(cancellationToken).ConfigureAwait(false);
        await BotStateSet.SaveAllChangesAsync(turnContext, force: false, cancellationToken).ConfigureAwait(false);
    }
}
