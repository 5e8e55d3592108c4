using AuthorBot.BotFramework.Dialogs;
using AuthorBot.Dialogs.Intents;
using AuthorBot.Dialogs.Routing;

namespace AuthorBot.Dialogs.Privacy;

/// <summary>Offers the reader's data in the menu and starts on "what do you know about me", "export/delete my data".</summary>
/// <param name="dialog">The privacy dialog.</param>
public sealed class PrivacyFlow(PrivacyDialog dialog) : IReaderFlow
{
    /// <inheritdoc />
    public Dialog Dialog { get; } = dialog ?? throw new ArgumentNullException(nameof(dialog));

    /// <inheritdoc />
    public string MenuTitle => "Your data & privacy";

    /// <inheritdoc />
    public IReadOnlyList<string> MenuSynonyms { get; } = ["privacy", "my data", "data"];

    /// <inheritdoc />
    public string Intent => ReaderIntents.Privacy;

    /// <inheritdoc />
    public string SwitchPhrase => "look at your data";

    /// <inheritdoc />
    public int Order => 60;
}
