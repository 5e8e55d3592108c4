using System.Text.RegularExpressions;
using AuthorBot.BotFramework.Dialogs;
using AuthorBot.Dialogs.Routing;

namespace AuthorBot.Dialogs.Preferences;

/// <summary>Offers preferences in the menu and starts on "preferences", "settings", "time zone", "quiet hours".</summary>
/// <param name="dialog">The preferences dialog.</param>
public sealed partial class PreferencesFlow(PreferencesDialog dialog) : IReaderFlow
{
    /// <inheritdoc />
    public Dialog Dialog { get; } = dialog ?? throw new ArgumentNullException(nameof(dialog));

    /// <inheritdoc />
    public string MenuTitle => "Preferences";

    /// <inheritdoc />
    public IReadOnlyList<string> MenuSynonyms { get; } = ["preferences", "settings", "time zone", "quiet hours"];

    /// <inheritdoc />
    public int Order => 50;

    /// <inheritdoc />
    public bool Matches(string normalizedText) => PreferencesPattern().IsMatch(normalizedText ?? string.Empty);

    /// <inheritdoc />
    public bool HandlesCardAction(string action) => action == PreferencesForm.SaveAction;

    [GeneratedRegex(@"\b(preferences?|settings|time ?zone|quiet hours|how often|(my )?topics|(resume|restart|turn on) announcements|notifications)\b")]
    private static partial Regex PreferencesPattern();
}
