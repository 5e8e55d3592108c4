using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Announcements;

/// <summary>
/// When each reader's copy is due: now, at a fixed time, or the reader's best hour inside a window. The best hour is
/// the hour (UTC) on which the reader has been active on the most distinct days; without history it is the hour
/// nearest 18:00 in the reader's time zone. Hours inside the reader's quiet hours are never picked.
/// </summary>
internal static class SendTimePlanner
{
    public static DateTimeOffset DueAt(ScheduleRequest schedule, ReaderProfile? profile, int[]? activeDaysByUtcHour, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        switch (schedule.Kind)
        {
            case ScheduleKinds.At:
                return schedule.At!.Value < now ? now : schedule.At.Value;
            case ScheduleKinds.BestHour:
                return BestHour(schedule.WindowStart!.Value, schedule.WindowEnd!.Value, profile, activeDaysByUtcHour, now);
            default:
                return now;
        }
    }

    /// <summary>The latest moment the reader's copy may still go out; after it a delivery held back by quiet hours is skipped.</summary>
    public static DateTimeOffset Deadline(ScheduleRequest schedule, DateTimeOffset dueAt) =>
        schedule.Kind == ScheduleKinds.BestHour ? schedule.WindowEnd!.Value : dueAt;

    private static DateTimeOffset BestHour(DateTimeOffset windowStart, DateTimeOffset windowEnd, ReaderProfile? profile, int[]? activity, DateTimeOffset now)
    {
        var start = windowStart < now ? now : windowStart;
        if (start >= windowEnd)
        {
            return start;
        }

        var hasHistory = activity is not null && activity.Any(days => days > 0);
        DateTimeOffset? best = null;
        var bestScore = double.MinValue;
        var candidate = start;
        for (var i = 0; i < 14 * 24 + 1 && candidate < windowEnd; i++)
        {
            if (!ReaderClock.InQuietHours(profile, candidate))
            {
                var score = hasHistory
                    ? activity![candidate.UtcDateTime.Hour]
                    : -CircularDistance(ReaderClock.LocalHour(profile, candidate), ReaderClock.DefaultBestLocalHour);
                if (score > bestScore)
                {
                    (best, bestScore) = (candidate, score);
                }
            }

            var next = candidate.ToUniversalTime().AddHours(1);
            candidate = new DateTimeOffset(next.Year, next.Month, next.Day, next.Hour, 0, 0, TimeSpan.Zero);
        }

        return best ?? start;
    }

    private static int CircularDistance(int a, int b)
    {
        var d = Math.Abs(a - b) % 24;
        return Math.Min(d, 24 - d);
    }
}
