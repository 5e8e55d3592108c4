using System.Globalization;

namespace AuthorBot.Dialogs.Quiz;

/// <summary>The sentences the quiz says about points, streaks and badges.</summary>
internal static class QuizReplies
{
    public static string Bonuses(int streakBonus, int perfectBonus, QuizProgress progress)
    {
        var text = string.Empty;
        if (perfectBonus > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" Perfect round: +{perfectBonus} bonus points.");
        }

        if (streakBonus > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" {progress.Streak} days in a row: +{streakBonus} streak points.");
        }

        return text;
    }

    public static string Total(QuizProgress progress) =>
        string.Create(CultureInfo.InvariantCulture, $" You have {progress.Points} points; your streak is {Days(progress.Streak)}.");

    public static string NewBadges(IReadOnlyCollection<string> badges) =>
        badges.Count == 0 ? string.Empty : $" New badge{(badges.Count == 1 ? string.Empty : "s")}: {string.Join(", ", badges.Select(QuizBadges.TitleOf))}!";

    public static string Record(QuizProgress progress) =>
        string.Create(CultureInfo.InvariantCulture, $"Your quiz record: {progress.Points} points, {progress.CorrectAnswers} of {progress.QuestionsAnswered} answers right over {progress.RoundsPlayed} round{(progress.RoundsPlayed == 1 ? string.Empty : "s")}; streak {Days(progress.Streak)} (best {Days(progress.BestStreak)}).")
        + (progress.Badges.Count == 0 ? " No badges yet." : " Badges: " + string.Join(", ", progress.Badges.Select(QuizBadges.TitleOf)) + ".")
        + (progress.LeaderboardName is { } name ? $" You're on the leaderboard as {name}." : string.Empty);

    private static string Days(int days) => string.Create(CultureInfo.InvariantCulture, $"{days} day{(days == 1 ? string.Empty : "s")}");
}
