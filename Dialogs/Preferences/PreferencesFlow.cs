using AuthorBot.BotFramework.Dialogs;
using AuthorBot.Dialogs.Intents;
using AuthorBot.Dialogs.Routing;

namespace AuthorBot.Dialogs.Preferences;

/// <summary>Offers preferences in the menu and starts on "preferences", "settings", "time zone", "quiet hours".</summary>
/// <param name="dialog">The preferences dialog.</param>
public sealed class PreferencesFlow(PreferencesDialog dialog) : IReaderFlow
{
    /// <inheritdoc />
    public Dialog Dialog { get; } = dialog ?? throw new ArgumentNullException(nameof(dialog));

    /// <inheritdoc />
    public string MenuTitle => "Preferences";

    /// <inheritdoc />
    public IReadOnlyList<string> MenuSynonyms { get; } = ["preferences", "settings", "time zone", "quiet hours"];

    /// <inheritdoc />
    public string Intent => ReaderIntents.Preferences;

    /// <inheritdoc />
    public string SwitchPhrase => "change your preferences";

    /// <inheritdoc />
    public int Order => 50;

    /// <inheritdoc />
    public bool HandlesCardAction(string action) => action == PreferencesForm.SaveAction;
}
