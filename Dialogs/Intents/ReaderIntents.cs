namespace AuthorBot.Dialogs.Intents;

/// <summary>
/// The ids of everything a reader's message can mean. Each has its examples in Data/intents/&lt;id&gt;.txt; the author's
/// questions add "faq:&lt;id&gt;" intents from author.json.
/// </summary>
public static class ReaderIntents
{
    /// <summary>Join the newsletter.</summary>
    public const string Newsletter = "newsletter";

    /// <summary>Book recommendations.</summary>
    public const string Recommend = "recommend";

    /// <summary>The upcoming book.</summary>
    public const string NewBook = "new-book";

    /// <summary>Events and RSVPs.</summary>
    public const string Events = "events";

    /// <summary>Contact preferences.</summary>
    public const string Preferences = "preferences";

    /// <summary>The reader's data.</summary>
    public const string Privacy = "privacy";

    /// <summary>What the bot can do.</summary>
    public const string Help = "help";

    /// <summary>Stop what we're doing.</summary>
    public const string Cancel = "cancel";

    /// <summary>Begin again.</summary>
    public const string StartOver = "start-over";

    /// <summary>The main menu.</summary>
    public const string Menu = "menu";

    /// <summary>Hello.</summary>
    public const string Greeting = "greeting";

    /// <summary>Thanks.</summary>
    public const string Thanks = "thanks";

    /// <summary>Goodbye.</summary>
    public const string Goodbye = "goodbye";

    /// <summary>Leave the newsletter.</summary>
    public const string Unsubscribe = "unsubscribe";

    /// <summary>No more announcements.</summary>
    public const string StopAnnouncements = "stop-announcements";

    /// <summary>Who or what the bot is.</summary>
    public const string AboutBot = "about-bot";

    /// <summary>Who the author is.</summary>
    public const string AboutAuthor = "about-author";

    /// <summary>What a book is about.</summary>
    public const string AboutBook = "about-book";

    /// <summary>Formats and prices.</summary>
    public const string Formats = "formats";

    /// <summary>Series and reading order.</summary>
    public const string Series = "series";

    /// <summary>Reach the author.</summary>
    public const string ContactAuthor = "contact-author";

    /// <summary>Praise for a book or the author.</summary>
    public const string Praise = "praise";

    /// <summary>Frustration with the bot.</summary>
    public const string Complaint = "complaint";

    /// <summary>Feedback on the author's own writing (authors only).</summary>
    public const string WritingFeedback = "writing-feedback";

    /// <summary>The reader quiz, its leaderboard and the reader's points.</summary>
    public const string Quiz = "quiz";

    /// <summary>The prefix of the author's questions' intents.</summary>
    public const string FaqPrefix = "faq:";

    /// <summary>Every intent with shipped examples.</summary>
    public static readonly IReadOnlyList<string> Shipped =
    [
        Newsletter, Recommend, NewBook, Events, Preferences, Privacy, Help, Cancel, StartOver, Menu, Greeting, Thanks, Goodbye,
        Unsubscribe, StopAnnouncements, AboutBot, AboutAuthor, AboutBook, Formats, Series, ContactAuthor, Praise, Complaint,
        WritingFeedback, Quiz,
    ];

    /// <summary>Whether an id names a shipped intent.</summary>
    /// <param name="id">The id.</param>
    /// <returns>True when shipped.</returns>
    public static bool IsShipped(string? id) => id is not null && Shipped.Contains(id, StringComparer.Ordinal);
}
