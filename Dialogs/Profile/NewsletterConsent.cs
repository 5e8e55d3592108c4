namespace AuthorBot.Dialogs.Profile;

/// <summary>
/// A reader's newsletter consent as evidence: what they agreed to, when, and where. Kept after an unsubscribe
/// so the record shows both decisions.
/// </summary>
public sealed class NewsletterConsent
{
    /// <summary>True while subscribed.</summary>
    public bool Subscribed { get; set; }

    /// <summary>The address the consent covers.</summary>
    public string? Email { get; set; }

    /// <summary>The exact question the reader said yes to.</summary>
    public string? Wording { get; set; }

    /// <summary>When the reader consented.</summary>
    public DateTimeOffset? ConsentedAt { get; set; }

    /// <summary>When the reader unsubscribed, if they did.</summary>
    public DateTimeOffset? UnsubscribedAt { get; set; }

    /// <summary>The channel the consent was given on.</summary>
    public string? ChannelId { get; set; }
}
