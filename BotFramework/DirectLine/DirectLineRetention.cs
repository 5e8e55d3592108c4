namespace AuthorBot.BotFramework.DirectLine;

/// <summary>How much of a conversation's log is kept: at most this many activities, none older than this.</summary>
internal readonly record struct DirectLineRetention(int MaxActivities, TimeSpan MaxAge)
{
    public static DirectLineRetention From(DirectLineOptions options) =>
        new(Math.Max(1, options.MaxActivitiesPerConversation), options.MaxActivityAge > TimeSpan.Zero ? options.MaxActivityAge : TimeSpan.MaxValue);
}
