using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AuthorBot.Bot.Newsletter;

/// <summary>
/// Writes the confirmation email: the link, what the reader agreed to, and the RFC 8058 one-click unsubscribe
/// headers. The Message-Id comes from the outbox row, so a retried send is recognisably the same message.
/// </summary>
internal sealed class ConfirmationEmailComposer(NewsletterLinks links, IOptions<EmailOptions> options)
{
    public const string Subject = "Please confirm your newsletter subscription";

    public async Task<MimeMessage> ComposeAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var tokenId = JsonNode.Parse(item.Payload)?["token"]?.GetValue<string>()
            ?? throw new InvalidOperationException($"Outbox row {item.Id} has no confirmation token.");
        var subscriber = item.Subscriber;
        var confirm = await links.LinkAsync(NewsletterLinks.ConfirmPurpose, tokenId, cancellationToken).ConfigureAwait(false);
        var unsubscribe = await links.LinkAsync(NewsletterLinks.UnsubscribePurpose, subscriber.Id, cancellationToken).ConfigureAwait(false);
        var from = MailboxAddress.Parse(options.Value.From ?? throw new InvalidOperationException("Email:From is not set."));
        var lifetime = options.Value.ConfirmationLifetime;
        var validFor = lifetime.TotalHours >= 24 ? $"{Math.Round(lifetime.TotalDays)} day(s)" : $"{Math.Max(1, Math.Round(lifetime.TotalHours))} hour(s)";

        var message = new MimeMessage { Subject = Subject };
        message.From.Add(from);
        message.To.Add(new MailboxAddress(subscriber.Name ?? string.Empty, subscriber.Email));
        message.MessageId = $"newsletter-confirmation-{item.Id}@{from.Domain}";
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribe.AbsoluteUri}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Headers.Add("Auto-Submitted", "auto-generated");

        var greeting = string.IsNullOrWhiteSpace(subscriber.Name) ? "Hello" : $"Hi {subscriber.Name}";
        var text = $"""
            {greeting},

            You asked to join the newsletter in a chat with the author's bot. Please confirm this address by opening:

            {confirm.AbsoluteUri}

            The link works for {validFor}. If it wasn't you, ignore this email: you won't be subscribed.

            What you agreed to: "{subscriber.Wording}"

            Unsubscribe: {unsubscribe.AbsoluteUri}
            """;
        var html = $"""
            <p>{WebUtility.HtmlEncode(greeting)},</p>
            <p>You asked to join the newsletter in a chat with the author's bot. Please confirm this address:</p>
            <p><a href="{WebUtility.HtmlEncode(confirm.AbsoluteUri)}">Confirm my subscription</a></p>
            <p>The link works for {validFor}. If it wasn't you, ignore this email: you won't be subscribed.</p>
            <p>What you agreed to: &ldquo;{WebUtility.HtmlEncode(subscriber.Wording)}&rdquo;</p>
            <p><a href="{WebUtility.HtmlEncode(unsubscribe.AbsoluteUri)}">Unsubscribe</a></p>
            """;
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return message;
    }
}
