using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Dialogs;
using AuthorBot.Dialogs.Intents;
using AuthorBot.Dialogs.Routing;

namespace AuthorBot.Dialogs.Recommendations;

/// <summary>
/// Offers book recommendations in the menu and starts on "recommend", "what should I read", "suggest a book"; also
/// on a card button pressed after the list's conversation moved on ("Sounds good: Dune").
/// </summary>
/// <param name="dialog">The recommendation dialog.</param>
public sealed class RecommendationFlow(RecommendationDialog dialog) : IReaderFlow
{
    private readonly RecommendationDialog _dialog = dialog ?? throw new ArgumentNullException(nameof(dialog));

    /// <inheritdoc />
    public Dialog Dialog => _dialog;

    /// <inheritdoc />
    public string MenuTitle => "Recommend me a book";

    /// <inheritdoc />
    public IReadOnlyList<string> MenuSynonyms { get; } = ["recommend", "recommendation", "recommendations", "suggest a book", "what should i read"];

    /// <inheritdoc />
    public string Intent => ReaderIntents.Recommend;

    /// <inheritdoc />
    public string SwitchPhrase => "get book recommendations";

    /// <inheritdoc />
    public int Order => 20;

    /// <inheritdoc />
    public bool HandlesCardAction(string action) => FeedbackWords.FromActionName(action) is not null;

    /// <inheritdoc />
    public Task<bool> ContinuesAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        _dialog.IsFeedbackOnLastListAsync(turnContext, cancellationToken);
}
