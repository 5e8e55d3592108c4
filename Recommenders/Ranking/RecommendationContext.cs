namespace AuthorBot.Recommenders.Ranking;

/// <summary>Where and when the reader asks, for context-aware popularity.</summary>
/// <param name="LocalTime">The reader's local time (its offset is theirs), when known.</param>
/// <param name="Channel">The channel id (e.g. "msteams", "webchat"), when known.</param>
/// <param name="ChannelName">The channel as readers know it (e.g. "Microsoft Teams"), for reasons; a reason never shows the raw id.</param>
public sealed record RecommendationContext(DateTimeOffset? LocalTime = null, string? Channel = null, string? ChannelName = null)
{
    /// <summary>No context.</summary>
    public static RecommendationContext None { get; } = new();
}
