namespace AuthorBot.Bot.Announcements;

/// <summary>Settings of the announcements API and delivery engine (configuration section <c>Announcements</c>).</summary>
internal sealed class AnnouncementOptions
{
    /// <summary>The bearer key marketers call the API with. No default: without it every call is refused.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Messages per second across all readers.</summary>
    public double MaxPerSecond { get; set; } = 25;

    /// <summary>Messages per second into one conversation (Teams allows 7 per thread).</summary>
    public double PerConversationPerSecond { get; set; } = 7;

    /// <summary>Sends in flight at once; the channel's latency times the rate is what this must cover.</summary>
    public int MaxConcurrentSends { get; set; } = 64;

    /// <summary>Attempts per delivery before a transient failure (429, 5xx, timeout) counts as failed.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The first wait before a delivery is tried again after a transient failure; doubles per attempt, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the engine looks for due deliveries when nothing woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The bot's public address for <c>/r/{token}</c> links; when empty, the address the API was called at.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Largest request body the API reads.</summary>
    public int MaxRequestBytes { get; set; } = 256 * 1024;
}
