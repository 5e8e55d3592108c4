using System.Text.RegularExpressions;
using AuthorBot.BotFramework.Dialogs;
using AuthorBot.Dialogs.Routing;

namespace AuthorBot.Dialogs.Privacy;

/// <summary>Offers the reader's data in the menu and starts on "what do you know about me", "export/delete my data".</summary>
/// <param name="dialog">The privacy dialog.</param>
public sealed partial class PrivacyFlow(PrivacyDialog dialog) : IReaderFlow
{
    /// <inheritdoc />
    public Dialog Dialog { get; } = dialog ?? throw new ArgumentNullException(nameof(dialog));

    /// <inheritdoc />
    public string MenuTitle => "Your data & privacy";

    /// <inheritdoc />
    public IReadOnlyList<string> MenuSynonyms { get; } = ["privacy", "my data", "data"];

    /// <inheritdoc />
    public int Order => 60;

    /// <inheritdoc />
    public bool Matches(string normalizedText) => PrivacyPattern().IsMatch(normalizedText ?? string.Empty);

    [GeneratedRegex(@"\b(what do you know about me|what (data|information) do you (have|keep|store)|my (personal )?(data|information|info)|privacy|forget me|gdpr)\b")]
    private static partial Regex PrivacyPattern();
}
