using System.Globalization;
using System.Text.RegularExpressions;
using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Content;
using AuthorBot.Dialogs.Intents;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Dialogs.Answers;

/// <summary>
/// Answers to readers' questions, written from the author's content (author.json) rather than hard-coded: who the
/// author is, what a book is about, its formats and prices per store, the series order, the author's FAQ, and who the
/// bot is. Questions that do not name a book get the answer for every book, or buttons to pick one.
/// </summary>
/// <param name="content">The author's content.</param>
/// <param name="clock">Tells published books from upcoming ones.</param>
public sealed partial class ReaderAnswers(AuthorContent content, TimeProvider clock)
{
    private readonly AuthorContent _content = content ?? throw new ArgumentNullException(nameof(content));
    private readonly TimeProvider _clock = clock ?? throw new ArgumentNullException(nameof(clock));

    /// <summary>Whether this class answers an intent.</summary>
    /// <param name="intent">The intent.</param>
    /// <returns>True for about-bot, about-author, about-book, formats, series, FAQ, thanks and goodbye.</returns>
    public static bool Answers(string? intent) =>
        intent is ReaderIntents.AboutBot or ReaderIntents.AboutAuthor or ReaderIntents.AboutBook or ReaderIntents.Formats
            or ReaderIntents.Series or ReaderIntents.Thanks or ReaderIntents.Goodbye
        || (intent?.StartsWith(ReaderIntents.FaqPrefix, StringComparison.Ordinal) ?? false);

    /// <summary>The answer to a question.</summary>
    /// <param name="understood">What the message meant (intent, books named).</param>
    /// <param name="text">The message, for what it asks about (a format, "the new one").</param>
    /// <returns>The reply, or null when this class does not answer the intent.</returns>
    public Activity? Answer(Understood understood, string? text)
    {
        ArgumentNullException.ThrowIfNull(understood);
        var books = understood.BookIds.Select(_content.FindBook).OfType<Book>().ToList();
        return understood.Intent switch
        {
            ReaderIntents.AboutBot => Text(AboutBot()),
            ReaderIntents.AboutAuthor => Text(AboutAuthor()),
            ReaderIntents.AboutBook => AboutBook(books),
            ReaderIntents.Formats => Text(Formats(books, text)),
            ReaderIntents.Series => Text(Series(books)),
            ReaderIntents.Thanks => Text("You're welcome! Say \"menu\" whenever you'd like to see what else I can do."),
            ReaderIntents.Goodbye => Text("Goodbye, and happy reading! Say hi whenever you're back."),
            { } intent when intent.StartsWith(ReaderIntents.FaqPrefix, StringComparison.Ordinal)
                => _content.Faq.FirstOrDefault(f => f.Intent == intent) is { } entry ? Text(entry.Answer) : null,
            _ => null,
        };
    }

    /// <summary>Thanks the reader for praise and records the praised book (named, or "your last book") as an interest.</summary>
    /// <param name="understood">What the message meant.</param>
    /// <param name="text">The message.</param>
    /// <param name="profile">The reader's profile, updated.</param>
    /// <returns>The reply.</returns>
    public string Praise(Understood understood, string? text, ReaderProfile profile)
    {
        ArgumentNullException.ThrowIfNull(understood);
        ArgumentNullException.ThrowIfNull(profile);
        var book = understood.BookIds.Select(_content.FindBook).OfType<Book>().FirstOrDefault()
            ?? (LatestPattern().IsMatch(text ?? string.Empty) ? LatestPublished() : null);
        if (book is null)
        {
            return $"Thank you, that's lovely to hear! Say \"contact the author\" if you'd like me to pass a message on to {_content.AuthorName}.";
        }

        if (!profile.BooksOfInterest.Contains(book.Id, StringComparer.Ordinal))
        {
            profile.BooksOfInterest.Add(book.Id);
        }

        foreach (var tag in book.Tags.Where(t => !profile.Interests.Contains(t, StringComparer.OrdinalIgnoreCase)))
        {
            profile.Interests.Add(tag);
        }

        return $"Thank you, I'm so glad you loved {book.Title}! I've noted it, so I'll suggest books like it and keep you posted about {_content.AuthorName}'s next ones. "
            + $"Say \"contact the author\" if you'd like me to pass a message on to {_content.AuthorName}.";
    }

    /// <summary>Who the bot is: a bot, not a person, and how to reach one.</summary>
    /// <returns>The text.</returns>
    public string AboutBot() =>
        $"I'm AuthorBot, {_content.AuthorName}'s assistant: a bot, not a person. I can tell you about the books and events, "
        + "recommend something to read and keep you posted. "
        + $"If you'd like to reach a real person, say \"contact the author\" and I'll pass your message to {_content.AuthorName}.";

    private string AboutAuthor()
    {
        var bio = _content.Bio ?? $"{_content.AuthorName} is the author of {Join(_content.Books.Select(b => b.Title))}.";
        var site = _content.Website is { } website ? $" More at {website.AbsoluteUri}" : string.Empty;
        return $"{bio} {_content.AuthorName}'s books: {Join(_content.Books.Select(b => b.Title))}.{site}";
    }

    private Activity AboutBook(List<Book> books)
    {
        if (books.Count == 0)
        {
            var question = Text($"Which book? {_content.AuthorName}'s books are {Join(_content.Books.Select(b => b.Title))}.");
            question.InputHint = InputHints.ExpectingInput;
            question.SuggestedActions = new SuggestedActions
            {
                Actions = [.. _content.Books.Select(b => new CardAction(ActionTypes.ImBack, b.Title, $"What's {b.Title} about?"))],
            };
            return question;
        }

        return Text(string.Join("\n\n", books.Select(Describe)));
    }

    private string Describe(Book book)
    {
        var when = book.Launch is { } launch && launch.At > _clock.GetUtcNow()
            ? $"out {launch.At.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}"
            : book.PublishedOn is { } published ? $"published {published.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}" : "published";
        var series = book.Series is { } s ? $", book {s.Number} of {s.Name}" : string.Empty;
        var formats = book.Formats.Count > 0 ? $" Available as {Join(book.Formats.Select(f => f.Format))}; ask \"how much is it?\" for prices." : string.Empty;
        return $"{book.Title} ({when}{series}): {book.Blurb}{formats}";
    }

    private string Formats(List<Book> named, string? text)
    {
        var asked = AskedFormat(text);
        var books = named.Count > 0 ? named : [.. _content.Books];
        if (asked is null)
        {
            return string.Join("\n", books.Select(b => b.Formats.Count == 0
                ? $"{b.Title}: no formats or prices announced yet."
                : $"{b.Title}: " + string.Join("; ", b.Formats.Select(f => $"{Edition(f)} {Prices(f)}")) + "."));
        }

        var lines = new List<string>();
        foreach (var book in books)
        {
            var format = book.Formats.FirstOrDefault(f => f.Format == asked);
            lines.Add(format is null
                ? $"{book.Title}: no {asked} yet."
                : $"{book.Title}: {Edition(format)} {Prices(format)}.");
        }

        return string.Join("\n", lines);
    }

    private string Series(List<Book> named)
    {
        var lines = new List<string>();
        foreach (var book in named.Where(b => b.Series is null))
        {
            lines.Add($"{book.Title} is a standalone: you can read it on its own.");
        }

        foreach (var series in _content.Books.Where(b => b.Series is not null).GroupBy(b => b.Series!.Name, StringComparer.Ordinal))
        {
            var ordered = series.OrderBy(b => b.Series!.Number).ToList();
            lines.Add(ordered.Count == 1
                ? $"{ordered[0].Title} is book {ordered[0].Series!.Number} of {series.Key}; the next books aren't out yet."
                : $"{series.Key}, in order: " + string.Join(", ", ordered.Select(b => $"{b.Series!.Number}. {b.Title}")) + ".");
        }

        var standalones = _content.Books.Where(b => b.Series is null && !named.Contains(b)).Select(b => b.Title).ToList();
        if (standalones.Count > 0)
        {
            lines.Add($"{Join(standalones)} {(standalones.Count == 1 ? "is a standalone" : "are standalones")}, so you can read {(standalones.Count == 1 ? "it" : "them")} in any order.");
        }

        return string.Join(" ", lines);
    }

    private Book? LatestPublished() =>
        _content.Books.Where(b => b.PublishedOn is not null).MaxBy(b => b.PublishedOn);

    private static string Edition(BookFormat format) =>
        format.Narrator is { } narrator ? $"{format.Format} (narrated by {narrator})" : format.Format;

    private static string Prices(BookFormat format) =>
        string.Join(", ", format.Prices.Select(p => $"{p.Display()} at {p.Store}"));

    private static string? AskedFormat(string? text)
    {
        var t = text?.ToLowerInvariant() ?? string.Empty;
        return AudioPattern().IsMatch(t) ? "audiobook"
            : EbookPattern().IsMatch(t) ? "ebook"
            : PaperbackPattern().IsMatch(t) ? "paperback"
            : HardcoverPattern().IsMatch(t) ? "hardcover"
            : LargePrintPattern().IsMatch(t) ? "large print"
            : null;
    }

    private static Activity Text(string text) => MessageFactory.Text(text);

    private static string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1];
    }

    [GeneratedRegex(@"\b(audio ?books?|audible|audio|listen|narrat\w*)\b")]
    private static partial Regex AudioPattern();

    [GeneratedRegex(@"\b(e-?books?|kindle|kobo|epub|digital)\b")]
    private static partial Regex EbookPattern();

    [GeneratedRegex(@"\b(paperbacks?|softcover)\b")]
    private static partial Regex PaperbackPattern();

    [GeneratedRegex(@"\b(hardcovers?|hardbacks?|hard cover)\b")]
    private static partial Regex HardcoverPattern();

    [GeneratedRegex(@"\blarge print\b")]
    private static partial Regex LargePrintPattern();

    [GeneratedRegex(@"\b(last|latest|newest|recent|new)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LatestPattern();
}
