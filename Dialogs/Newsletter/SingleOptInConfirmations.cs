namespace AuthorBot.Dialogs.Newsletter;

/// <summary>Without email settings: a yes in the chat is the subscription, as before double opt-in existed.</summary>
internal sealed class SingleOptInConfirmations : INewsletterConfirmations
{
    public bool IsEnabled => false;

    public Task<bool> RequestConfirmationAsync(NewsletterSignup signup, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task UnsubscribedAsync(NewsletterSignup signup, DateTimeOffset at, CancellationToken cancellationToken) => Task.CompletedTask;
}
