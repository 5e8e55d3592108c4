namespace AuthorBot.Bot.Announcements;

/// <summary>Schedule kinds.</summary>
internal static class ScheduleKinds
{
    public const string Now = "now";
    public const string At = "at";
    public const string BestHour = "bestHour";
}
