namespace AuthorBot.BotFramework.Connector;

/// <summary>Retry and size limits of outbound Connector calls (configuration section <c>BotFramework:Connector</c>).</summary>
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
}
