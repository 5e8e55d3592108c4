namespace AuthorBot.Dialogs.Profile;

/// <summary>What AuthorBot knows about one reader on one channel; stored in user state.</summary>
public sealed class ReaderProfile
{
    /// <summary>The name the reader gave, if any.</summary>
    public string? Name { get; set; }

    /// <summary>The email address the reader gave, if any.</summary>
    public string? Email { get; set; }

    /// <summary>Topics the reader said they like (genres, tags).</summary>
    public IList<string> Interests { get; set; } = [];

    /// <summary>The author's books the reader praised (by id): interest the bot keeps them posted about.</summary>
    public IList<string> BooksOfInterest { get; set; } = [];

    /// <summary>The reader's newsletter consent; null when they were never asked.</summary>
    public NewsletterConsent? Newsletter { get; set; }

    /// <summary>The reader's locale as their channel reported it (BCP-47).</summary>
    public string? Locale { get; set; }

    /// <summary>The reader's time zone (IANA id) when known.</summary>
    public string? TimeZone { get; set; }

    /// <summary>
    /// True while <see cref="TimeZone"/> is the one the reader's Teams client reported (it follows the client); false once
    /// the reader chose one themselves, which the client never overrides.
    /// </summary>
    public bool TimeZoneFromClient { get; set; }

    /// <summary>The reader's Microsoft Entra (Azure AD) object id, as Teams gives it.</summary>
    public string? AadObjectId { get; set; }

    /// <summary>The reader's Microsoft 365 tenant (directory) id, as Teams gives it.</summary>
    public string? TenantId { get; set; }

    /// <summary>When the reader was first welcomed; null until then.</summary>
    public DateTimeOffset? WelcomedAt { get; set; }

    /// <summary>How and when the reader may be contacted.</summary>
    public ReaderPreferences Preferences { get; set; } = new();

    /// <summary>True while the reader is subscribed to the newsletter (and, with double opt-in, has confirmed).</summary>
    public bool IsSubscribed => Newsletter is { Subscribed: true, PendingConfirmation: false };

    /// <summary>True while a signup waits for the reader to click the emailed confirmation link.</summary>
    public bool IsAwaitingConfirmation => Newsletter is { Subscribed: true, PendingConfirmation: true };
}
