namespace AuthorBot.BotFramework.DirectLine;

/// <summary>
/// Settings of the self-hosted Direct Line 3.0 endpoint, bound from the <c>DirectLine</c> configuration section.
/// </summary>
public sealed class DirectLineOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "DirectLine";

    /// <summary>
    /// The Direct Line secret. When empty, one is generated on first run and kept in
    /// <see cref="DataDirectory"/>; it is never sent to a browser.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>Folder for the generated secret; relative paths are resolved against the content root.</summary>
    public string DataDirectory { get; set; } = "App_Data";

    /// <summary>How long an issued token stays valid. Web Chat refreshes every 15 minutes, so keep this well above that.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Origins allowed to call the endpoint from a browser (CORS). "*" allows any origin;
    /// empty allows none (a page served from the bot's own origin needs no CORS).
    /// </summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>The bot's id as seen by the client (<c>from.id</c> of the bot's activities).</summary>
    public string BotId { get; set; } = "bot";

    /// <summary>The bot's display name.</summary>
    public string BotName { get; set; } = "Bot";

    /// <summary>Most activities kept per conversation; older ones are dropped first.</summary>
    public int MaxActivitiesPerConversation { get; set; } = 500;

    /// <summary>Activities older than this are dropped from the log.</summary>
    public TimeSpan MaxActivityAge { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Largest accepted upload request (the activity and all files together), in bytes.</summary>
    public long MaxUploadBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Where uploaded files go and how much they may take.</summary>
    public DirectLineAttachmentOptions Attachments { get; set; } = new();

    /// <summary>Largest accepted activity body on POST, in bytes.</summary>
    public long MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>Requests a client may send in a burst (token bucket size), per conversation or per address.</summary>
    public int RateLimitBurst { get; set; } = 120;

    /// <summary>Requests per second added back to the bucket.</summary>
    public int RateLimitPerSecond { get; set; } = 20;

    /// <summary>WebSocket keep-alive interval (protocol-level ping frames).</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Most sockets open at once on one conversation; the oldest is closed beyond this.</summary>
    public int MaxSocketsPerConversation { get; set; } = 4;

    /// <summary>A conversation with no open socket and no request for this long is dropped from memory (it stays in storage).</summary>
    public TimeSpan IdleEviction { get; set; } = TimeSpan.FromMinutes(10);
}
