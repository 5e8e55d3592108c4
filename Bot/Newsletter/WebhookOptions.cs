namespace AuthorBot.Bot.Newsletter;

/// <summary>An optional endpoint told of every confirmed and unsubscribed subscriber (<c>Email:Webhook</c>).</summary>
internal sealed class WebhookOptions
{
    /// <summary>Where events are POSTed; none when empty.</summary>
    public Uri? Url { get; set; }

    /// <summary>The shared secret the <c>X-AuthorBot-Signature</c> HMAC is keyed with.</summary>
    public string? Secret { get; set; }
}
