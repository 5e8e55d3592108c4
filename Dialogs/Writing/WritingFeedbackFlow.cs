using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Dialogs;
using AuthorBot.Dialogs.Intents;
using AuthorBot.Dialogs.Routing;

namespace AuthorBot.Dialogs.Writing;

/// <summary>
/// Offers writing feedback in the author's menu (readers never see it) and starts on "writing feedback", "how does this
/// read", on a file the author sends, a long passage they paste, or "compare with my last draft".
/// </summary>
/// <param name="dialog">The writing-feedback dialog.</param>
/// <param name="authors">Who the author is.</param>
public sealed class WritingFeedbackFlow(WritingFeedbackDialog dialog, AuthorDirectory authors) : IReaderFlow
{
    /// <summary>Pasted text this long is a passage to read even without asking.</summary>
    private const int UnaskedPassageWords = 60;

    /// <inheritdoc />
    public Dialog Dialog { get; } = dialog ?? throw new ArgumentNullException(nameof(dialog));

    /// <inheritdoc />
    public string MenuTitle => "Writing feedback";

    /// <inheritdoc />
    public IReadOnlyList<string> MenuSynonyms { get; } = ["feedback", "writing", "readability", "check my writing"];

    /// <inheritdoc />
    public string Intent => ReaderIntents.WritingFeedback;

    /// <inheritdoc />
    public string SwitchPhrase => "get feedback on your writing";

    /// <inheritdoc />
    public int Order => 90;

    /// <inheritdoc />
    public bool AuthorsOnly => true;

    /// <inheritdoc />
    public bool TakesFreeText => true;

    /// <inheritdoc />
    public bool HandlesCardAction(string action) => string.Equals(action, WritingCards.CompareAction, StringComparison.Ordinal);

    /// <inheritdoc />
    public Task<bool> ContinuesAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        return Task.FromResult(authors.IsAuthor(turnContext)
            && (WritingFeedbackDialog.HasManuscript(activity)
                || WritingFeedbackDialog.AsksToCompare(activity)
                || WritingFeedbackDialog.WordsIn(activity.Text) >= UnaskedPassageWords));
    }
}
