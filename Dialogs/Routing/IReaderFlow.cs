using AuthorBot.BotFramework.Dialogs;

namespace AuthorBot.Dialogs.Routing;

/// <summary>
/// A flow the root dialog can start from the menu or by keywords. Flows register themselves, so adding one
/// never means editing the router.
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

    /// <summary>Whether a message asks for this flow.</summary>
    /// <param name="normalizedText">The message, normalized by <see cref="Intents.KeywordIntentRecognizer.Normalize"/>.</param>
    /// <returns>True when the flow should start.</returns>
    bool Matches(string normalizedText);

    /// <summary>
    /// Whether a card button of this flow sent <paramref name="action"/> (<see cref="CardSubmit.ActionProperty"/> of the
    /// submitted value): pressed on a card whose conversation has moved on, it starts the flow again, which reads the
    /// value. Flows without card buttons keep the default.
    /// </summary>
    /// <param name="action">The submitted action.</param>
    /// <returns>True when the action belongs to this flow.</returns>
    bool HandlesCardAction(string action) => false;
}
