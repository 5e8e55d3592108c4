using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Dialogs;
using AuthorBot.Dialogs.Intents;
using AuthorBot.Dialogs.Routing;

namespace AuthorBot.Dialogs.Quiz;

/// <summary>
/// Offers the reader quiz in the menu and starts it on "quiz" (and whatever the classifier learned from
/// Data/intents/quiz.txt), on the leaderboard commands, "another round", and on a quiz answer button, an announced
/// question of the week's included.
/// </summary>
/// <param name="dialog">The quiz dialog.</param>
public sealed class QuizFlow(QuizDialog dialog) : IReaderFlow
{
    /// <summary>The button after a round that starts the next.</summary>
    public const string AnotherRound = "Another round";

    /// <summary>The button after a round that shows the leaderboard.</summary>
    public const string ShowLeaderboard = "Leaderboard";

    /// <inheritdoc />
    public Dialog Dialog { get; } = dialog ?? throw new ArgumentNullException(nameof(dialog));

    /// <inheritdoc />
    public string MenuTitle => "Reader quiz";

    /// <inheritdoc />
    public IReadOnlyList<string> MenuSynonyms { get; } = ["quiz", "trivia", "play the quiz", "leaderboard"];

    /// <inheritdoc />
    public string Intent => ReaderIntents.Quiz;

    /// <inheritdoc />
    public string SwitchPhrase => "play the quiz";

    /// <inheritdoc />
    public int Order => 45;

    /// <inheritdoc />
    public bool HandlesCardAction(string action) => string.Equals(action, QuizCards.AnswerAction, StringComparison.Ordinal);

    /// <inheritdoc />
    public Task<bool> ContinuesAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return Task.FromResult(QuizCommands.Read(turnContext.Activity.Text).Kind != QuizCommands.Kind.None);
    }
}
