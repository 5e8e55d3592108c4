using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Dialogs.Recommendations;

/// <summary>
/// Which book card went out as which message, per conversation, so a reaction to a message (which names only the
/// message) can be taken as feedback on its book. Only the latest cards are kept.
/// </summary>
internal static class BookCardLog
{
    /// <summary>How many cards a conversation remembers (ten lists of five).</summary>
    public const int Kept = 50;

    /// <summary>Remembers the books of messages just sent; messages the channel gave no id are skipped.</summary>
    public static async Task RememberAsync(ReaderStateAccessors state, ITurnContext turnContext, IReadOnlyList<ResourceResponse> sent, IReadOnlyList<string> bookIds, CancellationToken cancellationToken)
    {
        var log = await state.BookCards.GetAsync(turnContext, () => [], cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < Math.Min(sent.Count, bookIds.Count); i++)
        {
            if (sent[i].Id is { Length: > 0 } id)
            {
                log.RemoveAll(c => c.ActivityId == id);
                log.Add(new SentBookCard { ActivityId = id, BookId = bookIds[i] });
            }
        }

        if (log.Count > Kept)
        {
            log.RemoveRange(0, log.Count - Kept);
        }

        await state.BookCards.SetAsync(turnContext, log, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The book of the card sent as <paramref name="activityId"/>, or null when it was not a book card (or is forgotten).</summary>
    public static async Task<string?> BookOfAsync(ReaderStateAccessors state, ITurnContext turnContext, string? activityId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(activityId))
        {
            return null;
        }

        var log = await state.BookCards.GetAsync(turnContext, () => [], cancellationToken).ConfigureAwait(false);
        return log.LastOrDefault(c => c.ActivityId == activityId)?.BookId;
    }
}
