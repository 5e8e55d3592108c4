using AuthorBot.Bot.Announcements;
using AuthorBot.Dialogs.Newsletter;
using Microsoft.Extensions.Options;

namespace AuthorBot.Bot.Newsletter;

/// <summary>
/// The links in newsletter emails (confirm; unsubscribe, including RFC 8058 one-click POST) and the author's CSV
/// export of confirmed subscribers (<c>GET /api/newsletter/subscribers.csv</c>, the announcements API key).
/// </summary>
internal static partial class NewsletterEndpoints
{
    public const string ExportPath = "/api/newsletter/subscribers.csv";
    private const string ResendHint = "Say \"resend confirmation\" in the chat with the bot for a fresh link.";

    public static IEndpointRouteBuilder MapNewsletter(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ExportPath, ExportAsync);
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<EmailOptions>>().Value;
        if (!options.IsConfigured)
        {
            LogOff(endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("AuthorBot.Newsletter"));
            return endpoints;
        }

        endpoints.MapGet("/newsletter/confirm/{token}", ConfirmAsync);
        endpoints.MapGet("/newsletter/unsubscribe/{token}", AskUnsubscribeAsync);
        endpoints.MapPost("/newsletter/unsubscribe/{token}", UnsubscribeAsync);
        return endpoints;
    }

    private static async Task<IResult> ConfirmAsync(string token, NewsletterLinks links, NewsletterStore store, StoredNewsletterConsents consents, NewsletterOutbox outbox, IOptions<EmailOptions> options, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (await links.ReadAsync(NewsletterLinks.ConfirmPurpose, token, cancellationToken).ConfigureAwait(false) is not { } id)
        {
            return NewsletterPage.Show(StatusCodes.Status400BadRequest, "This link isn't valid", "Please check the whole link was copied from the email. " + ResendHint);
        }

        var now = time.GetUtcNow();
        var result = await store.ConfirmAsync(id, now, options.Value.Webhook.Url is not null, cancellationToken).ConfigureAwait(false);
        switch (result.Outcome)
        {
            case ConfirmationOutcome.Confirmed or ConfirmationOutcome.AlreadyConfirmed:
                outbox.Wake();

                // Also on a second click: it repairs a chat profile an earlier click failed to update.
                await SyncAsync(() => consents.ConfirmAsync(result.Subscriber!.Reader, result.Subscriber.Email, result.Subscriber.ConfirmedAt ?? now, cancellationToken), loggers).ConfigureAwait(false);
                return result.Outcome == ConfirmationOutcome.Confirmed
                    ? NewsletterPage.Show(StatusCodes.Status200OK, "You're subscribed", $"Thanks! {result.Subscriber!.Email} is confirmed for the newsletter. You can unsubscribe from any newsletter email, or by saying \"unsubscribe\" in the chat.")
                    : NewsletterPage.Show(StatusCodes.Status200OK, "Already confirmed", $"{result.Subscriber!.Email} was already confirmed for the newsletter; nothing changed.");
            case ConfirmationOutcome.Expired:
                return NewsletterPage.Show(StatusCodes.Status410Gone, "This link has expired", "Confirmation links work for a limited time, and this one is too old. " + ResendHint);
            case ConfirmationOutcome.Withdrawn:
                return NewsletterPage.Show(StatusCodes.Status410Gone, "This signup was cancelled", "This address was unsubscribed (or replaced by another) after the link was sent, so it isn't confirmed. Say \"subscribe\" in the chat to sign up again.");
            default:
                return NewsletterPage.Show(StatusCodes.Status404NotFound, "This link isn't known", "The signup it confirmed no longer exists. Say \"subscribe\" in the chat to sign up again.");
        }
    }

    private static async Task<IResult> AskUnsubscribeAsync(string token, HttpContext context, NewsletterLinks links, CancellationToken cancellationToken)
    {
        // A GET never unsubscribes: mail scanners open links, and RFC 8058 has the one-click POST for this.
        if (await links.ReadAsync(NewsletterLinks.UnsubscribePurpose, token, cancellationToken).ConfigureAwait(false) is null)
        {
            return NewsletterPage.Show(StatusCodes.Status400BadRequest, "This link isn't valid", "Please check the whole link was copied from the email, or say \"unsubscribe\" in the chat.");
        }

        return NewsletterPage.Show(StatusCodes.Status200OK, "Unsubscribe from the newsletter?", "Press the button to stop the newsletter emails.", context.Request.Path, "Unsubscribe");
    }

    private static async Task<IResult> UnsubscribeAsync(string token, NewsletterLinks links, NewsletterStore store, StoredNewsletterConsents consents, NewsletterOutbox outbox, IOptions<EmailOptions> options, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (await links.ReadAsync(NewsletterLinks.UnsubscribePurpose, token, cancellationToken).ConfigureAwait(false) is not { } id)
        {
            return NewsletterPage.Show(StatusCodes.Status400BadRequest, "This link isn't valid", "Please check the whole link was copied from the email, or say \"unsubscribe\" in the chat.");
        }

        var now = time.GetUtcNow();
        if (await store.UnsubscribeAsync(id, null, "email link", now, options.Value.Webhook.Url is not null, cancellationToken).ConfigureAwait(false) is not { } subscriber)
        {
            return NewsletterPage.Show(StatusCodes.Status404NotFound, "Nothing to unsubscribe", "This address isn't on the newsletter list (any more).");
        }

        outbox.Wake();
        await SyncAsync(() => consents.UnsubscribeAsync(subscriber.Reader, subscriber.Email, subscriber.UnsubscribedAt ?? now, cancellationToken), loggers).ConfigureAwait(false);
        return NewsletterPage.Show(StatusCodes.Status200OK, "You're unsubscribed", $"{subscriber.Email} won't get the newsletter any more. You can subscribe again any time in the chat.");
    }

    private static async Task ExportAsync(HttpContext context, NewsletterStore store, IOptions<AnnouncementOptions> announcements, IOptions<EmailOptions> email, CancellationToken cancellationToken)
    {
        if (ApiKeyCheck.Check(announcements.Value.ApiKey, context.Request.Headers.Authorization.ToString()) is { } refusal)
        {
            if (refusal.Status == StatusCodes.Status401Unauthorized)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
            }

            await Results.Problem(statusCode: refusal.Status, title: refusal.Message).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        if (!email.Value.IsConfigured)
        {
            await Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Confirmation emails are off (no Email settings), so no subscriber has confirmed an address to export.").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var subscribers = await store.ConfirmedAsync(cancellationToken).ConfigureAwait(false);
        context.Response.ContentType = SubscriberCsv.ContentType + "; charset=utf-8";
        context.Response.Headers.ContentDisposition = "attachment; filename=\"newsletter-subscribers.csv\"";
        var writer = new StreamWriter(context.Response.Body, new System.Text.UTF8Encoding(false));
        await using (writer.ConfigureAwait(false))
        {
            await SubscriberCsv.WriteAsync(writer, subscribers, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task SyncAsync(Func<Task<bool>> update, ILoggerFactory loggers)
    {
        try
        {
            await update().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The mailing list already changed; the chat catches up on the reader's next click or turn.
            LogSyncFailed(loggers.CreateLogger("AuthorBot.Newsletter"), ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Newsletter confirmation emails are off: no Email settings (Email:From, Email:Smtp:Host), so a yes in the chat subscribes at once, as before")]
    private static partial void LogOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The chat profile could not be updated after a newsletter link was used")]
    private static partial void LogSyncFailed(ILogger logger, Exception exception);
}
