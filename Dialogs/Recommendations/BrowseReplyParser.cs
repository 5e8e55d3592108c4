using System.Text.Json;
using System.Text.RegularExpressions;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Intents;
using AuthorBot.Recommenders.Catalog;
using AuthorBot.Recommenders.Interactions;

namespace AuthorBot.Dialogs.Recommendations;

/// <summary>
/// Reads a reply to a list of books. A card button sends its action and book id in the activity's value; a typed
/// reply says the same in words ("not for me 2", "sounds good the hobbit", "the first one sounds good", "why the second
/// one?", "more"). A typed reply only ever names a book on screen, by position or by a (typo-tolerant) title match that
/// clearly beats the others; "it" means the book last talked about, and anything less certain asks which book.
/// </summary>
internal static partial class BrowseReplyParser
{
    /// <summary>Parses a message.</summary>
    /// <param name="activity">The reader's message.</param>
    /// <param name="current">The books on screen, in order.</param>
    /// <param name="catalog">The catalogue (button values name any book by id).</param>
    /// <param name="focus">The book last pressed or asked about, which "it" and "this one" mean.</param>
    /// <returns>The reply's meaning.</returns>
    public static BrowseReply Parse(Activity activity, IReadOnlyList<CatalogItem> current, BookCatalog catalog, string? focus = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(catalog);
        if (FromButton(activity.Value, catalog) is { } pressed)
        {
            return pressed;
        }

        var text = ReaderText.Normalize(activity.Text);
        if (text.Length == 0)
        {
            return new BrowseReply(BrowseCommand.Unknown);
        }

        if (DonePattern().IsMatch(text))
        {
            return new BrowseReply(BrowseCommand.Done);
        }

        if (MorePattern().IsMatch(text))
        {
            return new BrowseReply(BrowseCommand.More);
        }

        if (WhyPattern().Match(text) is { Success: true } why)
        {
            var target = WhyFiller().Replace(why.Groups["rest"].Value, " ").Trim();
            return WithBook(new BrowseReply(BrowseCommand.Why), target, current, focus);
        }

        foreach (var (pattern, kind) in FeedbackPatterns())
        {
            if (pattern.Match(text) is { Success: true } feedback)
            {
                return WithBook(new BrowseReply(BrowseCommand.Feedback, kind), feedback.Groups["rest"].Value.Trim(), current, focus);
            }
        }

        var named = ShownBookMatcher.Find(text, current);
        return new BrowseReply(BrowseCommand.Unknown, BookId: named.BookId);
    }

    /// <summary>A title without its series suffix: "Catching Fire (The Hunger Games, #2)" becomes "Catching Fire".</summary>
    /// <param name="title">The catalogue title.</param>
    /// <returns>The short title.</returns>
    public static string ShortTitle(string title) => SeriesSuffix().Replace(title ?? string.Empty, string.Empty).Trim();

    private static BrowseReply? FromButton(JsonElement? value, BookCatalog catalog)
    {
        if (value is not { ValueKind: JsonValueKind.Object } payload
            || !payload.TryGetProperty(BookCards.ActionProperty, out var action) || action.ValueKind != JsonValueKind.String
            || !payload.TryGetProperty(BookCards.BookIdProperty, out var bookId) || bookId.ValueKind != JsonValueKind.String
            || FeedbackWords.FromActionName(action.GetString()) is not { } kind)
        {
            return null;
        }

        var id = bookId.GetString()!;
        return catalog.Find(id) is null
            ? new BrowseReply(BrowseCommand.Feedback, kind, NamedUnknownBook: true)
            : new BrowseReply(BrowseCommand.Feedback, kind, id);
    }

    private static BrowseReply WithBook(BrowseReply reply, string target, IReadOnlyList<CatalogItem> current, string? focus)
    {
        target = Filler().Replace(target, " ").Trim();
        if (target.Length == 0)
        {
            return reply;
        }

        if (PronounPattern().IsMatch(target))
        {
            // "I've already read it": the book just talked about, if any; never a book whose title happens to be "It".
            return focus is not null && current.Any(b => b.Id == focus) ? reply with { BookId = focus } : reply;
        }

        var found = ShownBookMatcher.Find(target, current);
        return found.BookId is { } id
            ? reply with { BookId = id }
            : reply with { NamedUnknownBook = found.Candidates.Count == 0, Candidates = found.Candidates.Count > 1 ? found.Candidates : null };
    }

    private static IEnumerable<(Regex Pattern, InteractionKind Kind)> FeedbackPatterns()
    {
        yield return (NotForMePattern(), InteractionKind.NotInterested);
        yield return (AlreadyReadPattern(), InteractionKind.AlreadyRead);
        yield return (LikePattern(), InteractionKind.Like);
        yield return (NotForMeAfterPattern(), InteractionKind.NotInterested);
        yield return (AlreadyReadAfterPattern(), InteractionKind.AlreadyRead);
        yield return (LikeAfterPattern(), InteractionKind.Like);
    }

    [GeneratedRegex(@"^(done|no|nope|no thanks?( you)?|nothing|that's (all|it)|thats (all|it)|thanks?( you)?|i'm done|im done|finished|finish|bye|goodbye|no more|enough|all good|(ok|okay) thanks?)$")]
    private static partial Regex DonePattern();

    [GeneratedRegex(@"^(show (me )?|give me |any |some )?(some )?(more|others|other (books|ones)|different (books|ones)|something else|another (list|batch|set|few)|next( (list|ones|page))?|new (list|ones|books))( books| suggestions| options| please)*$")]
    private static partial Regex MorePattern();

    [GeneratedRegex(@"^(and )?(why|how come|what makes you think)\b(?<rest>.*)$")]
    private static partial Regex WhyPattern();

    [GeneratedRegex(@"\b(is|was|did|do|you|pick|picked|choose|chose|chosen|suggest|suggested|recommend|recommended|this|that|these|one|it|book|for me|me|about|the book|number|no\.)\b")]
    private static partial Regex WhyFiller();

    [GeneratedRegex(@"^(not for me|not interested( in)?|no thanks to|not|no|nope|dislike|skip|pass( on)?|meh)\b(?<rest>.*)$")]
    private static partial Regex NotForMePattern();

    [GeneratedRegex(@"^(already read|i've already read|i already read|i've read|i have read|ive read|read it|read already|read)\b(?<rest>.*)$")]
    private static partial Regex AlreadyReadPattern();

    [GeneratedRegex(@"^(sounds good|sounds great|looks good|i'd like|i like|i love|like|love|yes please|yes|i want|want|add|i'll read|ill read|interested in)\b(?<rest>.*)$")]
    private static partial Regex LikePattern();

    // The same feedback said after the book: "the first one sounds good", "gone girl is not for me", "the hobbit I've read".
    [GeneratedRegex(@"^(?<rest>.+?)\s+(is |s |sounds |looks )?(not for me|not really for me|isn't for me|isnt for me|not my thing|doesn't appeal|doesnt appeal)$")]
    private static partial Regex NotForMeAfterPattern();

    [GeneratedRegex(@"^(?<rest>.+?)\s+(i've|i have|ive|i) (already )?read( it| that one)?( already)?$")]
    private static partial Regex AlreadyReadAfterPattern();

    [GeneratedRegex(@"^(?<rest>.+?)\s+(sounds good|sounds great|sounds interesting|looks good|looks great)$")]
    private static partial Regex LikeAfterPattern();

    [GeneratedRegex(@"^(it|this|that|this one|that one|the book|this book|that book|the one|one)$")]
    private static partial Regex PronounPattern();

    [GeneratedRegex(@"^\s*(:|-|,)+|\b(please|thanks|thank you)\b")]
    private static partial Regex Filler();

    [GeneratedRegex(@"\s*\([^()]*#\s*[\d.]+(\s*[-\u2013]\s*[\d.]+)?\)\s*$")]
    private static partial Regex SeriesSuffix();
}
