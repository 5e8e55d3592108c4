using AuthorBot.BotFramework.Dialogs;
using AuthorBot.Dialogs.Intents;
using AuthorBot.Dialogs.Routing;

namespace AuthorBot.Dialogs.Launch;

/// <summary>Offers the upcoming book in the menu and starts it on "new book", "pre-order", "when is the launch".</summary>
/// <param name="dialog">The launch dialog.</param>
public sealed class BookLaunchFlow(BookLaunchDialog dialog) : IReaderFlow
{
    /// <inheritdoc />
    public Dialog Dialog { get; } = dialog ?? throw new ArgumentNullException(nameof(dialog));

    /// <inheritdoc />
    public string MenuTitle => "The new book";

    /// <inheritdoc />
    public IReadOnlyList<string> MenuSynonyms { get; } = ["new book", "upcoming book", "launch", "pre-order", "preorder"];

    /// <inheritdoc />
    public string Intent => ReaderIntents.NewBook;

    /// <inheritdoc />
    public string SwitchPhrase => "see the new book";

    /// <inheritdoc />
    public int Order => 30;
}
