namespace AuthorBot.BotFramework.Hosting;

/// <summary>
/// Settings of the bot endpoint. <see cref="MicrosoftAppId"/> is read from the configuration root (the key every
/// Bot Framework sample uses); the rest from the <c>BotFramework</c> section.
/// </summary>
public sealed class BotFrameworkOptions
{
    /// <summary>The bot's Microsoft App ID; empty means anonymous development mode.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>Largest accepted request body in bytes; larger requests get 413.</summary>
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;
}
