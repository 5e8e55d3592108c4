namespace AuthorBot.BotFramework.Connector;

/// <summary>Retry, size and address limits of outbound Connector calls (configuration section <c>BotFramework:Connector</c>).</summary>
public sealed class ConnectorClientOptions
{
    /// <summary>Retries after the first attempt for 429, 412, 502 and 504 answers (0 disables retrying).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff delay; doubles per attempt, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Upper bound of any single wait, including a channel's Retry-After.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of one HTTP attempt.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest response body read into memory.</summary>
    public int MaxResponseBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// Sends (post, reply, update, create) one conversation may burst before waiting. Teams allows 7 per second
    /// per bot per thread; 0 turns outbound rate limiting off.
    /// </summary>
    public int PerConversationBurst { get; set; } = 7;

    /// <summary>Sustained sends per <see cref="RateLimitPeriod"/> per conversation (Teams: 60 per 30 s).</summary>
    public int PerConversationPerPeriod { get; set; } = 2;

    /// <summary>Sends per <see cref="RateLimitPeriod"/> per tenant (the whole app; Teams documents 30-50 RPS).</summary>
    public int PerTenantPerPeriod { get; set; } = 25;

    /// <summary>Refill period of the outbound token buckets.</summary>
    public TimeSpan RateLimitPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Sends that may wait for a token per conversation or tenant; beyond that a send fails at once.</summary>
    public int MaxQueuedSends { get; set; } = 10_000;

    /// <summary>
    /// Service URLs called even though they resolve to a non-public address (a channel gateway on a private network, an
    /// Emulator through a tunnel), and trusted in anonymous mode. Empty by default: only public addresses, plus loopback
    /// in anonymous development mode.
    /// </summary>
    public IList<string> AllowedServiceUrls { get; } = [];

    /// <summary>Whether outbound sends are rate limited at all (<see cref="PerConversationBurst"/> above 0).</summary>
    public bool RateLimitsSends => PerConversationBurst > 0;

    /// <summary>The sustained sends per second the per-tenant bucket allows.</summary>
    public double PerTenantPerSecond => PerTenantPerPeriod / RateLimitPeriod.TotalSeconds;
}
