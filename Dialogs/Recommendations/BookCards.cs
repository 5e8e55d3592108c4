using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Routing;
using AuthorBot.Recommenders.Interactions;
using AuthorBot.Recommenders.Ranking;

namespace AuthorBot.Dialogs.Recommendations;

/// <summary>
/// A list of picks as cards. Where Adaptive Cards render (Teams, Web Chat) each book is an Adaptive Card with its cover,
/// author, year, rating and reason, and Action.Submit buttons whose value names the action and the book. Elsewhere it
/// is a hero card whose messageBack buttons carry the same value and say the same in words (so channels that drop the
/// value, and readers who type, are understood alike).
/// </summary>
internal static class BookCards
{
    /// <summary>The value property naming the feedback.</summary>
    public const string ActionProperty = CardSubmit.ActionProperty;

    /// <summary>The value property naming the book.</summary>
    public const string BookIdProperty = "bookId";

    // A fixed width keeps the cards aligned, and the text in place while a cover loads (or never does).
    private const string CoverWidth = "72px";

    private static readonly InteractionKind[] _buttons = [InteractionKind.Like, InteractionKind.NotInterested, InteractionKind.AlreadyRead];

    /// <summary>The list as one carousel message of hero cards.</summary>
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

    /// <summary>The list as one carousel message of Adaptive Cards (Web Chat).</summary>
    /// <param name="picks">The picks, best first.</param>
    /// <param name="intro">The message's text.</param>
    /// <returns>The activity.</returns>
    public static Activity AdaptiveCarousel(IReadOnlyList<Recommendation> picks, string intro)
    {
        ArgumentNullException.ThrowIfNull(picks);
        var activity = MessageFactory.Carousel(picks.Select((p, i) => AdaptiveCards.ToAttachment(AdaptiveCard(p, i + 1))), intro);
        activity.InputHint = InputHints.ExpectingInput;
        return activity;
    }

    /// <summary>
    /// The list as one message per book (Teams): a reaction is to one message, so a 👍 on a card can only mean that
    /// card's book when each book has its own. The intro goes alone before them, since a message with text and a card
    /// is split in two by some clients, and the card's message id would be lost.
    /// </summary>
    /// <param name="picks">The picks, best first.</param>
    /// <returns>The card messages, in list order.</returns>
    public static Activity[] OnePerMessage(IReadOnlyList<Recommendation> picks)
    {
        ArgumentNullException.ThrowIfNull(picks);
        return [.. picks.Select((p, i) => MessageFactory.Attachment(AdaptiveCards.ToAttachment(AdaptiveCard(p, i + 1))))];
    }

    /// <summary>One book's hero card.</summary>
    /// <param name="pick">The pick.</param>
    /// <param name="position">Its number in the list, so readers can say "not for me 2".</param>
    /// <returns>The card.</returns>
    public static HeroCard Card(Recommendation pick, int position)
    {
        ArgumentNullException.ThrowIfNull(pick);
        var book = pick.Item;
        return new HeroCard
        {
            // As on the Adaptive Card: "2. " would start a Markdown list in Web Chat and Emulator and leave "2." alone.
            Title = $"{position} · {book.Title}",
            Subtitle = Subtitle(pick),
            Text = pick.Reason,
            Images = book.ImageUrl is { Length: > 0 } url ? [new CardImage(url, $"Cover of {book.Title}")] : null,
            Buttons = [.. _buttons.Select(kind => Button(kind, book.Id, BrowseReplyParser.ShortTitle(book.Title)))],
        };
    }

    /// <summary>One book's Adaptive Card: cover beside title, author · year · rating, and the reason; three buttons.</summary>
    /// <param name="pick">The pick.</param>
    /// <param name="position">Its number in the list.</param>
    /// <returns>The card.</returns>
    public static JsonObject AdaptiveCard(Recommendation pick, int position)
    {
        ArgumentNullException.ThrowIfNull(pick);
        var book = pick.Item;
        // "2 · Dune", not "2. Dune": card text is Markdown, where "2. " starts a numbered list and the number would vanish.
        var title = $"{position} · {book.Title}";
        var subtitle = Subtitle(pick);
        var details = AdaptiveCards.Column(
            "stretch",
            AdaptiveCards.TextBlock(title, size: "medium", weight: "bolder"),
            AdaptiveCards.TextBlock(subtitle, subtle: true),
            AdaptiveCards.TextBlock(pick.Reason));
        JsonNode layout = book.ImageUrl is { Length: > 0 } url
            ? AdaptiveCards.ColumnSet(AdaptiveCards.Column(CoverWidth, AdaptiveCards.Image(url, $"Cover of {book.Title}", "stretch")), details)
            : AdaptiveCards.ColumnSet(details);
        var actions = _buttons.Select(kind => (JsonNode)AdaptiveCards.Submit(
            FeedbackWords.ButtonTitle(kind),
            new JsonObject { [ActionProperty] = FeedbackWords.ActionName(kind), [BookIdProperty] = book.Id }));
        return AdaptiveCards.Card([layout], actions, $"{title} ({subtitle}). {pick.Reason}");
    }

    private static string Subtitle(Recommendation pick)
    {
        var book = pick.Item;
        return string.Join(" · ", new[]
        {
            book.Authors.Count > 0 ? string.Join(", ", book.Authors) : null,
            book.Year?.ToString(CultureInfo.InvariantCulture),
            book.AverageRating is { } rating ? $"★ {rating.ToString("0.00", CultureInfo.InvariantCulture)} average rating" : null,
        }.Where(s => !string.IsNullOrEmpty(s)));
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
