using AuthorBot.BotFramework.Builder;

namespace AuthorBot.BotFramework.State;

/// <summary>Saves the given states once at the end of every turn that completes.</summary>
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

    /// <inheritdoc />
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(next);
        await next(cancellationToken).ConfigureAwait(false);
        await BotStateSet.SaveAllChangesAsync(turnContext, force: false, cancellationToken).ConfigureAwait(false);
    }
}
