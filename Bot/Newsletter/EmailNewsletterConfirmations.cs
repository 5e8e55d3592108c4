using AuthorBot.Dialogs.Newsletter;
using Microsoft.Extensions.Options;

namespace AuthorBot.Bot.Newsletter;

/// <summary>Double opt-in by email: what the signup dialog calls when <c>Email</c> settings are present.</summary>
internal sealed class EmailNewsletterConfirmations(NewsletterStore store, NewsletterOutbox outbox, IOptions<EmailOptions> options, TimeProvider time) : INewsletterConfirmations
{
    public bool IsEnabled => true;

    public async Task<bool> RequestConfirmationAsync(NewsletterSignup signup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signup);
        var now = time.GetUtcNow();
        var queued = await store.SignupAsync(signup, NewsletterLinks.NewTokenId(), now + options.Value.ConfirmationLifetime, now, options.Value.MaxConfirmationsPerDay, cancellationToken).ConfigureAwait(false);
        outbox.Wake();
        return queued;
    }

    public async Task UnsubscribedAsync(NewsletterSignup signup, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signup);
        await store.UnsubscribeAsync(null, signup.Reader, "chat", at, options.Value.Webhook.Url is not null, cancellationToken).ConfigureAwait(false);
        outbox.Wake();
    }
}
