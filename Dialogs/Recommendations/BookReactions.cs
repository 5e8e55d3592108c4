using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Profile;
using AuthorBot.Recommenders.Interactions;

namespace AuthorBot.Dialogs.Recommendations;

/// <summary>
/// A reaction to a book card is feedback on its book: 👍 or ❤️ is "Sounds good", 👎 is "Not for me". Reactions to other
/// messages, other reactions and removed reactions are left alone.
/// </summary>
/// <param name="state">The shared state accessors (which card went out as which message).</param>
/// <param name="recommender">The catalogue.</param>
/// <param name="feedback">Records the feedback.</param>
public sealed class BookReactions(ReaderStateAccessors state, ReaderRecommender recommender, BookFeedback feedback)
{
    /// <summary>Takes the reactions added to a message as feedback when the message is a book card.</summary>
    /// <param name="turnContext">The messageReaction turn; <c>replyToId</c> names the message.</param>
    /// <param name="reactions">The reactions added.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>True when a reaction was taken as feedback.</returns>
    public async Task<bool> OnReactionsAddedAsync(ITurnContext turnContext, IList<MessageReaction> reactions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(reactions);
        var kind = reactions.Select(r => KindOf(r.Type)).FirstOrDefault(k => k is not null);
        if (kind is null)
        {
            return false;
        }

        var bookId = await BookCardLog.BookOfAsync(state, turnContext, turnContext.Activity.ReplyToId, cancellationToken).ConfigureAwait(false);
        var catalog = await recommender.CatalogAsync(cancellationToken).ConfigureAwait(false);
        if (bookId is null || catalog.Find(bookId) is not { } book)
        {
            return false;
        }

        await feedback.RecordAsync(turnContext, kind.Value, book, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The feedback a reaction means, or null. Teams names its classic reactions (like, heart); newer clients send the emoji.</summary>
    /// <param name="reaction">The reaction's type.</param>
    /// <returns>Like, not interested, or null.</returns>
    public static InteractionKind? KindOf(string? reaction) => reaction?.Trim().ToLowerInvariant() switch
    {
        "like" or "heart" or "👍" or "❤️" or "❤" or "+1" or "thumbsup" or "thumbs_up" => InteractionKind.Like,
        "dislike" or "👎" or "-1" or "thumbsdown" or "thumbs_down" => InteractionKind.NotInterested,
        { } other when other.EndsWith("_thumbsup", StringComparison.Ordinal) || other.EndsWith("_heart", StringComparison.Ordinal) => InteractionKind.Like,
        { } other when other.EndsWith("_thumbsdown", StringComparison.Ordinal) => InteractionKind.NotInterested,
        _ => null,
    };
}
