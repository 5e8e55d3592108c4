using System.Text.RegularExpressions;
using AuthorBot.BotFramework.Dialogs;
using AuthorBot.Dialogs.Routing;

namespace AuthorBot.Dialogs.Launch;

/// <summary>Offers the upcoming book in the menu and starts it on "new book", "pre-order", "when is the launch".</summary>
/// <param name="dialog">The launch dialog.</param>
public sealed partial class BookLaunchFlow(BookLaunchDialog dialog) : IReaderFlow
{
    /// <inheritdoc />
    public Dialog Dialog { get; } = dialog ?? throw new ArgumentNullException(nameof(dialog));

    /// <inheritdoc />
    public string MenuTitle => "The new book";

    /// <inheritdoc />
    public IReadOnlyList<string> MenuSynonyms { get; } = ["new book", "upcoming book", "launch", "pre-order", "preorder"];

    /// <inheritdoc />
    public int Order => 30;

    /// <inheritdoc />
    public bool Matches(string normalizedText) => LaunchPattern().IsMatch(normalizedText ?? string.Empty);

    [GeneratedRegex(@"\b(new book|upcoming book|latest book|book launch|launch (day|date)|when is the (book )?launch|pre ?order|release date|coming out|remind me on launch day)\b")]
    private static partial Regex LaunchPattern();
}
