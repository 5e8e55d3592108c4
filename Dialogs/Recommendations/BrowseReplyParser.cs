using System.Text.Json;
using System.Text.RegularExpressions;
using AuthorBot.BotFramework.Dialogs.Choices;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Intents;
using AuthorBot.Recommenders.Catalog;
using AuthorBot.Recommenders.Interactions;

namespace AuthorBot.Dialogs.Recommendations;

/// <summary>
/// Reads a reply to a list of books. A card button sends its action and book id in the activity's value; a typed
/// reply says the same in words ("not for me 2", "sounds good the hobbit", "why the second one?", "more").
/// </summary>
internal static partial class BrowseReplyParser
{
    private static readonly FindChoicesOptions _titlesOnly = new() { RecognizeNumbers = false, RecognizeOrdinals = false, AllowPartialMatches = false, MaxEditDistanceRatio = 0 };

    /// <summary>Parses a message.</summary>
    /// <param name="activity">The reader's message.</param>
    /// <param name="current">The books on screen, in order.</param>
    /// <param name="catalog">The catalogue.</param>
    /// <returns>The reply's meaning.</returns>
    public static BrowseReply Parse(Activity activity, IReadOnlyList<CatalogItem> current, BookCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(catalog);
        if (FromButton(activity.Value, catalog) is { } pressed)
        {
            return pressed;
        }

        var text = KeywordIntentRecognizer.Normalize(activity.Text);
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
            return WithBook(new BrowseReply(BrowseCommand.Why), target, current, catalog);
        }

        foreach (var (pattern, kind) in FeedbackPatterns())
        {
            if (pattern.Match(text) is { Success: true } feedback)
            {
                return WithBook(new BrowseReply(BrowseCommand.Feedback, kind), feedback.Groups["rest"].Value.Trim(), current, catalog);
            }
        }

        return new BrowseReply(BrowseCommand.Unknown, BookId: FindBook(text, current, catalog));
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

    private static BrowseReply WithBook(BrowseReply reply, string target, IReadOnlyList<CatalogItem> current, BookCatalog catalog)
    {
        if (target.Length == 0)
        {
            return reply;
        }

        return FindBook(target, current, catalog) is { } id ? reply with { BookId = id } : reply with { NamedUnknownBook = true };
    }

    private static string? FindBook(string target, IReadOnlyList<CatalogItem> current, BookCatalog catalog)
    {
        // Books on screen first, by title or by position ("2", "the second one", "last").
        var onScreen = current.Select(b => new Choice(ShortTitle(b.Title)) { Synonyms = [b.Title] }).ToList();
        var found = ChoiceRecognizers.RecognizeChoices(target, onScreen);
        if (found.Count == 1 || (found.Count > 1 && found[0].Resolution.Score > found[1].Resolution.Score))
        {
            return current[found[0].Resolution.Index].Id;
        }

        // Then any book in the catalogue, but only by its whole title: a stray word must not pick a book.
        var normalized = KeywordIntentRecognizer.Normalize(target);
        var exact = catalog.Items.FirstOrDefault(b =>
            KeywordIntentRecognizer.Normalize(ShortTitle(b.Title)) == normalized || KeywordIntentRecognizer.Normalize(b.Title) == normalized);
        if (exact is not null)
        {
            return exact.Id;
        }

        var all = catalog.Items.Select(b => new Choice(ShortTitle(b.Title)) { Synonyms = [b.Title] }).ToList();
        var anywhere = ChoiceRecognizers.RecognizeChoices(target, all, _titlesOnly);
        return anywhere.Count == 1 ? catalog.Items[anywhere[0].Resolution.Index].Id : null;
    }

    private static IEnumerable<(Regex Pattern, InteractionKind Kind)> FeedbackPatterns()
    {
        yield return (NotForMePattern(), InteractionKind.NotInterested);
        yield return (AlreadyReadPattern(), InteractionKind.AlreadyRead);
        yield return (LikePattern(), InteractionKind.Like);
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

    [GeneratedRegex(@"\s*\([^()]*#\s*[\d.]+(\s*[-\u2013]\s*[\d.]+)?\)\s*$")]
    private static partial Regex SeriesSuffix();
}
