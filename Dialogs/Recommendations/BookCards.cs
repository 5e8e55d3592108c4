using System.Globalization;
using System.Text.Json;
using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Recommenders.Interactions;
using AuthorBot.Recommenders.Ranking;

namespace AuthorBot.Dialogs.Recommendations;

/// <summary>
/// A list of picks as a carousel of hero cards. Each button is a messageBack: the value names the action and the
/// book (so a press is unambiguous), the text says the same in words (so channels that drop the value, and readers
/// who type, are understood alike).
/// </summary>
internal static class BookCards
{
    /// <summary>The value property naming the feedback.</summary>
    public const string ActionProperty = "action";

    /// <summary>The value property naming the book.</summary>
    public const string BookIdProperty = "bookId";

    private static readonly InteractionKind[] _buttons = [InteractionKind.Like, InteractionKind.NotInterested, InteractionKind.AlreadyRead];

    /// <summary>The carousel.</summary>
    /// <param name="picks">The picks, best first.</param>
    /// <param name="intro">The message's text.</param>
    /// <returns>The activity.</returns>
    public static Activity Carousel(IReadOnlyList<Recommendation> picks, string intro)
    {
        ArgumentNullException.ThrowIfNull(picks);
        var activity = MessageFactory.Carousel(picks.Select((p, i) => Card(p, i + 1).ToAttachment()), intro);
        activity.InputHint = InputHints.ExpectingInput;
        return activity;
    }

    /// <summary>One book's card.</summary>
    /// <param name="pick">The pick.</param>
    /// <param name="position">Its number in the list, so readers can say "not for me 2".</param>
    /// <returns>The card.</returns>
    public static HeroCard Card(Recommendation pick, int position)
    {
        ArgumentNullException.ThrowIfNull(pick);
        var book = pick.Item;
        var subtitle = string.Join(" · ", new[]
        {
            book.Authors.Count > 0 ? string.Join(", ", book.Authors) : null,
            book.Year?.ToString(CultureInfo.InvariantCulture),
            book.AverageRating is { } rating ? $"★ {rating.ToString("0.00", CultureInfo.InvariantCulture)} average rating" : null,
        }.Where(s => !string.IsNullOrEmpty(s)));
        return new HeroCard
        {
            Title = $"{position}. {book.Title}",
            Subtitle = subtitle,
            Text = pick.Reason,
            Images = book.ImageUrl is { Length: > 0 } url ? [new CardImage(url, $"Cover of {book.Title}")] : null,
            Buttons = [.. _buttons.Select(kind => Button(kind, book.Id, BrowseReplyParser.ShortTitle(book.Title)))],
        };
    }

    private static CardAction Button(InteractionKind kind, string bookId, string shortTitle)
    {
        var words = $"{FeedbackWords.ButtonTitle(kind)}: {shortTitle}";
        var payload = JsonSerializer.SerializeToElement(
            new Dictionary<string, string> { [ActionProperty] = FeedbackWords.ActionName(kind), [BookIdProperty] = bookId },
            RecommendationJsonContext.Default.DictionaryStringString);
        return new CardAction(ActionTypes.MessageBack, FeedbackWords.ButtonTitle(kind))
        {
            Text = words,
            DisplayText = words,
            Value = payload,
        };
    }
}
