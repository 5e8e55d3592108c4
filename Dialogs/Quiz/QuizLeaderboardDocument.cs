using AuthorBot.BotFramework.State;

namespace AuthorBot.Dialogs.Quiz;

/// <summary>The opt-in leaderboard, one storage document keyed by reader ("channel/user").</summary>
internal sealed class QuizLeaderboardDocument : IStoreItem
{
    public Dictionary<string, QuizLeaderboardEntry> Entries { get; set; } = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public string? ETag { get; set; }
}
