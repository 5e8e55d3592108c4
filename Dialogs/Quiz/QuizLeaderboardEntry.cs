namespace AuthorBot.Dialogs.Quiz;

/// <summary>One reader on the leaderboard: only the name they chose and their points are ever shown.</summary>
internal sealed class QuizLeaderboardEntry
{
    public string DisplayName { get; set; } = string.Empty;

    public int Points { get; set; }

    public DateTimeOffset JoinedAt { get; set; }
}
