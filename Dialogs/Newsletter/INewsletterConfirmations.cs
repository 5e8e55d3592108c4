namespace AuthorBot.Dialogs.Newsletter;

/// <summary>
/// Double opt-in for the newsletter, implemented by the host (email, links, webhooks): the flows only say that a reader
/// signed up or unsubscribed in the chat, and never touch SMTP or HTTP themselves.
/// </summary>
public interface INewsletterConfirmations
{
    /// <summary>True when a signup must be confirmed from an emailed link before it counts.</summary>
    bool IsEnabled { get; }

    /// <summary>Records the signup and queues its confirmation email; calling again sends a fresh link.</summary>
    /// <param name="signup">Who signed up, with which address, and the consent they gave.</param>
    /// <param name="cancellationToken">Cancels the queueing (not the email once queued).</param>
    /// <returns>
    /// True when an email is durably queued; false (nothing queued) when this address already got as many links as it
    /// may for now, so the chat cannot be used to flood someone's inbox.
    /// </returns>
    Task<bool> RequestConfirmationAsync(NewsletterSignup signup, CancellationToken cancellationToken);

    /// <summary>Records that the reader unsubscribed in the chat, so emails and the author's list follow.</summary>
    /// <param name="signup">The reader and address that unsubscribed.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    /// <returns>A task that completes when the change is stored.</returns>
    Task UnsubscribedAsync(NewsletterSignup signup, DateTimeOffset at, CancellationToken cancellationToken);
}
