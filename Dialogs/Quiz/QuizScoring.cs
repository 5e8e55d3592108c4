namespace AuthorBot.Dialogs.Quiz;

/// <summary>
/// Points, streaks and badges. A right answer is worth <see cref="PointsPerAnswer"/>; a perfect round adds
/// <see cref="PerfectRoundBonus"/>; the first play of a day that carries a streak on adds <see cref="StreakBonusPerDay"/>
/// per day beyond the first (at most <see cref="MaxStreakBonus"/>). A streak counts days in the reader's own time zone.
/// </summary>
internal static class QuizScoring
{
    public const int PointsPerAnswer = 10;
    public const int PerfectRoundBonus = 20;
    public const int StreakBonusPerDay = 5;
    public const int MaxStreakBonus = 30;

    /// <summary>Counts one answer.</summary>
    public static int Answer(QuizProgress progress, bool correct)
    {
        progress.QuestionsAnswered++;
        if (!correct)
        {
            return 0;
        }

        progress.CorrectAnswers++;
        progress.Points += PointsPerAnswer;
        return PointsPerAnswer;
    }

    /// <summary>Marks <paramref name="today"/> played and returns the streak bonus it earned (0 when today was already played or the streak is new).</summary>
    public static int Played(QuizProgress progress, DateOnly today)
    {
        if (progress.LastPlayedOn == today)
        {
            return 0;
        }

        progress.Streak = progress.LastPlayedOn == today.AddDays(-1) ? progress.Streak + 1 : 1;
        progress.BestStreak = Math.Max(progress.BestStreak, progress.Streak);
        progress.LastPlayedOn = today;
        var bonus = Math.Min(MaxStreakBonus, StreakBonusPerDay * (progress.Streak - 1));
        progress.Points += bonus;
        return bonus;
    }

    /// <summary>Counts a finished round and returns its bonus.</summary>
    public static int RoundFinished(QuizProgress progress, int correct, int asked)
    {
        progress.RoundsPlayed++;
        var bonus = asked >= 3 && correct == asked ? PerfectRoundBonus : 0;
        progress.Points += bonus;
        return bonus;
    }

    /// <summary>Awards what the record now deserves and returns the badges new this time.</summary>
    public static List<string> AwardBadges(QuizProgress progress, bool perfectRound = false, bool weeklyRight = false)
    {
        var earned = new List<string>();
        void Award(string badge, bool deserved)
        {
            if (deserved && !progress.Badges.Contains(badge))
            {
                progress.Badges.Add(badge);
                earned.Add(badge);
            }
        }

        Award(QuizBadges.FirstRound, progress.RoundsPlayed >= 1);
        Award(QuizBadges.PerfectRound, perfectRound);
        Award(QuizBadges.ThreeDayStreak, progress.Streak >= 3);
        Award(QuizBadges.WeekStreak, progress.Streak >= 7);
        Award(QuizBadges.Century, progress.Points >= 100);
        Award(QuizBadges.QuestionOfTheWeek, weeklyRight);
        return earned;
    }
}
