using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Dialogs;

namespace AuthorBot.Dialogs.Routing;

/// <summary>
/// A flow the root dialog can start from the menu or when a message's intent is the flow's. Flows register themselves,
/// so adding one never means editing the router (its examples go in Data/intents/&lt;intent&gt;.txt).
/// </summary>
public interface IReaderFlow
{
    /// <summary>The flow's dialog; the root dialog adds it and begins it by its id.</summary>
    Dialog Dialog { get; }

    /// <summary>The flow's entry in the menu and in help, e.g. "Recommend me a book".</summary>
    string MenuTitle { get; }

    /// <summary>Further words the menu accepts for this entry.</summary>
    IReadOnlyList<string> MenuSynonyms { get; }

    /// <summary>Position in the menu, lowest first.</summary>
    int Order { get; }

    /// <summary>The intent that starts this flow (<see cref="Intents.ReaderIntents"/>).</summary>
    string Intent { get; }

    /// <summary>What switching to this flow means, after "and": "look at events".</summary>
    string SwitchPhrase { get; }

    /// <summary>
    /// How to name the flow in "Leave the signup and ... instead?" when leaving it midway would lose what the reader typed;
    /// null (the default) when leaving loses nothing, so another request switches at once.
    /// </summary>
    string? AskBeforeLeaving => null;

    /// <summary>
    /// True for the author's own tools (writing feedback): left out of readers' menus and help. The flow itself still
    /// checks who is asking, since an intent or a typed title can reach it too.
    /// </summary>
    bool AuthorsOnly => false;

    /// <summary>
    /// True when the flow waits for free text (a passage to read) that must not be taken for another request: only
    /// cancel, menu and start over interrupt it.
    /// </summary>
    bool TakesFreeText => false;

    /// <summary>
    /// Whether a card button of this flow sent <paramref name="action"/> (<see cref="CardSubmit.ActionProperty"/> of the
    /// submitted value): pressed on a card whose conversation has moved on, it starts the flow again, which reads the
    /// value. Flows without card buttons keep the default.
    /// </summary>
    /// <param name="action">The submitted action.</param>
    /// <returns>True when the action belongs to this flow.</returns>
    bool HandlesCardAction(string action) => false;

    /// <summary>
    /// Whether a typed message carries on this flow after it ended ("not for me: Gone Girl" about the last list shown):
    /// the root then starts the flow again, which reads the message. Flows that cannot be carried on keep the default.
    /// </summary>
    /// <param name="turnContext">The turn.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>True when the message belongs to this flow.</returns>
    Task<bool> ContinuesAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.FromResult(false);
}
