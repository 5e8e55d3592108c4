using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.Dialogs.Routing;

/// <summary>
/// Answers an Adaptive Card Action.Execute (an <c>adaptiveCard/action</c> invoke) with the card that replaces the
/// pressed one, or a short message. Runs outside the dialog stack: pressing a button on an older card never disturbs
/// the conversation in progress.
/// </summary>
public interface ICardActionHandler
{
    /// <summary>Whether this handler knows <paramref name="verb"/>.</summary>
    /// <param name="verb">The action's verb.</param>
    /// <returns>True when it does.</returns>
    bool Handles(string verb);

    /// <summary>Carries out the action. A stale or replayed action gets a polite answer, never an exception.</summary>
    /// <param name="turnContext">The invoke's turn.</param>
    /// <param name="action">The pressed action with its data.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The invoke's answer.</returns>
    Task<AdaptiveCardInvokeResponse> ExecuteAsync(ITurnContext turnContext, AdaptiveCardInvokeAction action, CancellationToken cancellationToken);
}
