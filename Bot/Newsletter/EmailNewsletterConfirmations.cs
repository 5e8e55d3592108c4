using AuthorBot.Dialogs.Newsletter;
using Microsoft.Extensions.Options;

namespace AuthorBot.Bot.Newsletter;

/// <summary>Double opt-in by email: what the signup dialog calls when <c>Email</c> settings are present.</summary>
internal sealed class EmailNewsletterConfirmations(NewsletterStore store, NewsletterOutbox outbox, IOptions<EmailOptions> options, TimeProvider time) : INewsletterConfirmations
{
    public bool IsEnabled => true;

    public async Task RequestConfirmationAsync(NewsletterSignup signup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signup);
        var now = time.GetUtcNow();
        await store.SignupAsync(signup, NewsletterLinks.NewTokenId(), now + options.Value.ConfirmationLifetime, now, cancellationToken).ConfigureAwait(false);
        outbox.Wake();
    }

    public async Task UnsubscribedAsync(NewsletterSignup signup, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signup);
        await store.UnsubscribeAsync(null, signup.Reader, "chat", at, options.Value.Webhook.Url is not null, cancellationToken).ConfigureAwait(false);
        outbox.Wake();
    }
}
