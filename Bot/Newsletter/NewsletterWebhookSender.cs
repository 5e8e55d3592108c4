using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace AuthorBot.Bot.Newsletter;

/// <summary>
/// POSTs a subscriber event to <c>Email:Webhook:Url</c>. The receiver checks <c>X-AuthorBot-Signature</c>:
/// <c>sha256=</c> and the hex HMAC-SHA256, keyed with <c>Email:Webhook:Secret</c>, of the
/// <c>X-AuthorBot-Timestamp</c> value, a dot and the raw body (so a captured call cannot be replayed much later).
/// </summary>
internal sealed class NewsletterWebhookSender(IHttpClientFactory clients, IOptions<EmailOptions> options, TimeProvider time)
{
    public const string HttpClientName = "newsletter-webhook";
    public const string SignatureHeader = "X-AuthorBot-Signature";
    public const string TimestampHeader = "X-AuthorBot-Timestamp";
    public const string EventIdHeader = "X-AuthorBot-Event-Id";

    /// <summary>The signature header value for <paramref name="body"/> sent at <paramref name="timestamp"/>.</summary>
    public static string Sign(string secret, string timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body)));

    /// <summary>Sends the event; returns null on a 2xx answer, otherwise why it failed.</summary>
    public async Task<string?> SendAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var webhook = options.Value.Webhook;
        if (webhook.Url is null || string.IsNullOrEmpty(webhook.Secret))
        {
            return "No webhook is configured any more.";
        }

        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url)
        {
            Content = new StringContent(item.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(TimestampHeader, timestamp);
        request.Headers.Add(SignatureHeader, Sign(webhook.Secret, timestamp, item.Payload));
        request.Headers.Add(EventIdHeader, item.Id.ToString(CultureInfo.InvariantCulture));
        using var response = await clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode ? null : $"The webhook answered {(int)response.StatusCode}.";
    }
}
