namespace AuthorBot.Dialogs.Quiz;

/// <summary>The badges a reader can earn, with the names they are shown by.</summary>
internal static class QuizBadges
{
    public const string FirstRound = "first-round";
    public const string PerfectRound = "perfect-round";
    public const string ThreeDayStreak = "streak-3";
    public const string WeekStreak = "streak-7";
    public const string Century = "points-100";
    public const string QuestionOfTheWeek = "weekly";

    private static readonly Dictionary<string, string> _titles = new(StringComparer.Ordinal)
    {
        [FirstRound] = "First round",
        [PerfectRound] = "Perfect round",
        [ThreeDayStreak] = "Three days running",
        [WeekStreak] = "A week of quizzes",
        [Century] = "Century (100 points)",
        [QuestionOfTheWeek] = "Question of the week",
    };

    public static string TitleOf(string id) => _titles.TryGetValue(id, out var title) ? title : id;
}
