using AuthorBot.BotFramework.Builder;
using AuthorBot.Dialogs.Profile;
using AuthorBot.Recommenders.Catalog;
using AuthorBot.Recommenders.Interactions;

namespace AuthorBot.Dialogs.Recommendations;

/// <summary>
/// Records "Sounds good", "Not for me" or "Already read" on a book, however the reader said it (a card button, typed
/// words, a reaction to the card), and tells them it was taken: the next list reflects it.
/// </summary>
/// <param name="recommender">The recommender that keeps the feedback.</param>
/// <param name="clock">The clock feedback is timestamped with.</param>
public sealed class BookFeedback(ReaderRecommender recommender, TimeProvider clock)
{
    /// <summary>Records the feedback and confirms it to the reader.</summary>
    /// <param name="turnContext">The reader's turn.</param>
    /// <param name="kind">Like, not interested or already read.</param>
    /// <param name="book">The book.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task that completes once stored and confirmed.</returns>
    public async Task RecordAsync(ITurnContext turnContext, InteractionKind kind, CatalogItem book, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(book);
        await recommender.RecordAsync(
            new Interaction(ReaderId(turnContext), book.Id, kind, clock.GetUtcNow(), Channel: turnContext.Activity.ChannelId),
            cancellationToken).ConfigureAwait(false);
        var title = BrowseReplyParser.ShortTitle(book.Title);
        var text = kind switch
        {
            InteractionKind.Like => $"Glad {title} sounds good! I'll look for more like it: say \"more\" for a fresh list.",
            InteractionKind.NotInterested => $"Got it, I won't suggest {title} again.",
            _ => $"Noted that you've read {title}; I'll leave it out from now on.",
        };
        await turnContext.SendActivityAsync(text, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The interaction log's id of the turn's reader.</summary>
    /// <param name="turnContext">The turn.</param>
    /// <returns>"{channelId}/{userId}".</returns>
    public static string ReaderId(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        if (string.IsNullOrEmpty(activity.ChannelId) || string.IsNullOrEmpty(activity.From?.Id))
        {
            throw new InvalidOperationException("This activity has no channelId or from.id, so its feedback cannot be tied to a reader.");
        }

        // Keyed like user state ("{channelId}/users/{userId}"), so export and delete find the same reader.
        return ReaderRecommender.ReaderIdOf(new ReaderKey(activity.ChannelId, activity.From.Id));
    }
}
