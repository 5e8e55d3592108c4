namespace AuthorBot.Dialogs.Content;

/// <summary>The author's books and events, as shipped with the bot and validated at start-up.</summary>
/// <param name="AuthorName">The author's name.</param>
/// <param name="Website">The author's website, if any.</param>
/// <param name="Books">The books in file order.</param>
/// <param name="Events">The events in file order.</param>
public sealed record AuthorContent(string AuthorName, Uri? Website, IReadOnlyList<Book> Books, IReadOnlyList<AuthorEvent> Events)
{
    /// <summary>A few lines about the author, for "who is ...?".</summary>
    public string? Bio { get; init; }

    /// <summary>Questions the author answers for every reader.</summary>
    public IReadOnlyList<FaqEntry> Faq { get; init; } = [];

    /// <summary>The author's own example messages per intent, added to the shipped ones when the classifier trains.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> IntentExamples { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// The author's IANA time zone (author.json's <c>author.timeZone</c>, else the zone most of their dates are given
    /// in): dates are said in it to a reader whose client never told us theirs.
    /// </summary>
    public string TimeZone { get; init; } = "Etc/UTC";

    /// <summary>The quiz questions the author wrote, beside those the quiz makes from the books.</summary>
    public IReadOnlyList<AuthoredQuizQuestion> Quiz { get; init; } = [];

    /// <summary>The chat page's look (photo, accent colour, tagline).</summary>
    public AuthorBranding Branding { get; init; } = AuthorBranding.Default;

    /// <summary>The book with an id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The book, or null.</returns>
    public Book? FindBook(string? id) => Books.FirstOrDefault(b => string.Equals(b.Id, id, StringComparison.Ordinal));

    /// <summary>The event with an id.</summary>
    /// <param name="id">The id.</param>
    /// <returns>The event, or null.</returns>
    public AuthorEvent? FindEvent(string? id) => Events.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.Ordinal));

    /// <summary>The next book to launch after <paramref name="now"/>.</summary>
    /// <param name="now">The current time.</param>
    /// <returns>The book, or null when nothing is coming.</returns>
    public Book? NextLaunch(DateTimeOffset now) =>
        Books.Where(b => b.Launch is { } launch && launch.At > now).OrderBy(b => b.Launch!.At).FirstOrDefault();

    /// <summary>Events that have not started yet, soonest first.</summary>
    /// <param name="now">The current time.</param>
    /// <returns>The events.</returns>
    public IReadOnlyList<AuthorEvent> UpcomingEvents(DateTimeOffset now) =>
        [.. Events.Where(e => e.StartsAt > now).OrderBy(e => e.StartsAt)];
}
