namespace AuthorBot.Dialogs.Quiz;

/// <summary>A reader's quiz record, kept in their user state (so "export my data" and "delete my data" cover it).</summary>
public sealed class QuizProgress
{
    /// <summary>Points earned so far.</summary>
    public int Points { get; set; }

    /// <summary>Rounds finished.</summary>
    public int RoundsPlayed { get; set; }

    /// <summary>Questions answered, in rounds and from announcements.</summary>
    public int QuestionsAnswered { get; set; }

    /// <summary>Of those, answered right.</summary>
    public int CorrectAnswers { get; set; }

    /// <summary>Days in a row, up to the last one played, on which the reader finished a round or answered a weekly question.</summary>
    public int Streak { get; set; }

    /// <summary>The longest streak so far.</summary>
    public int BestStreak { get; set; }

    /// <summary>The last day played, in the reader's time zone.</summary>
    public DateOnly? LastPlayedOn { get; set; }

    /// <summary>Badges earned (ids from <see cref="QuizBadges"/>), in the order earned.</summary>
    public IList<string> Badges { get; set; } = [];

    /// <summary>Announced (weekly) questions already answered: each scores once.</summary>
    public IList<string> WeeklyAnswered { get; set; } = [];

    /// <summary>The name the reader chose for the leaderboard; null while they are not on it.</summary>
    public string? LeaderboardName { get; set; }
}
