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

    /// <summary>
    /// True from a signup until the reader clicks the emailed confirmation link (double opt-in); the subscription does
    /// not count meanwhile. Always false when the bot sends no confirmation emails.
    /// </summary>
    public bool PendingConfirmation { get; set; }

    /// <summary>When the reader confirmed the address from the emailed link, if they did.</summary>
    public DateTimeOffset? ConfirmedAt { get; set; }

    /// <summary>When the reader unsubscribed, if they did.</summary>
    public DateTimeOffset? UnsubscribedAt { get; set; }

    /// <summary>The channel the consent was given on.</summary>
    public string? ChannelId { get; set; }
}
