using System.Text.RegularExpressions;
using AuthorBot.BotFramework.Dialogs;
using AuthorBot.Dialogs.Routing;

namespace AuthorBot.Dialogs.Recommendations;

/// <summary>
/// Offers book recommendations in the menu and starts on "recommend", "what should I read", "suggest a book"; also
/// on a card button pressed after the list's conversation moved on ("Sounds good: Dune").
/// </summary>
/// <param name="dialog">The recommendation dialog.</param>
public sealed partial class RecommendationFlow(RecommendationDialog dialog) : IReaderFlow
{
    /// <inheritdoc />
    public Dialog Dialog { get; } = dialog ?? throw new ArgumentNullException(nameof(dialog));

    /// <inheritdoc />
    public string MenuTitle => "Recommend me a book";

    /// <inheritdoc />
    public IReadOnlyList<string> MenuSynonyms { get; } = ["recommend", "recommendation", "recommendations", "suggest a book", "what should i read"];

    /// <inheritdoc />
    public int Order => 20;

    /// <inheritdoc />
    public bool Matches(string normalizedText) => RecommendPattern().IsMatch(normalizedText ?? string.Empty);

    /// <inheritdoc />
    public bool HandlesCardAction(string action) => FeedbackWords.FromActionName(action) is not null;

    [GeneratedRegex(@"\b(recommend\w*|what (should|shall|could|can) i read|what to read|something to read|suggest (me )?(a |some |another )?(good )?(books?|reads?|novels?)|book (suggestions?|ideas?|recs?)|reading (suggestions?|ideas?|list)|next (book|read))\b|^(sounds good|not for me|already read)\b")]
    private static partial Regex RecommendPattern();
}
