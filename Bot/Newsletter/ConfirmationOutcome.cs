namespace AuthorBot.Bot.Newsletter;

/// <summary>What a click on a confirmation link did.</summary>
internal enum ConfirmationOutcome
{
    /// <summary>The subscription is confirmed now.</summary>
    Confirmed,

    /// <summary>It was already confirmed (a second click, or a newer link used first); nothing changed.</summary>
    AlreadyConfirmed,

    /// <summary>The link is past its lifetime.</summary>
    Expired,

    /// <summary>The reader unsubscribed or signed up with another address since.</summary>
    Withdrawn,

    /// <summary>No such link (badly copied, or the reader's data was deleted).</summary>
    Unknown,
}
