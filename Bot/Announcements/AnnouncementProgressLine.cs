using System.Globalization;

namespace AuthorBot.Bot.Announcements;

/// <summary>What the <c>announce</c> command line says about an announcement's progress, in the marketer's time zone.</summary>
internal static class AnnouncementProgressLine
{
    /// <summary>The progress bar's caption: counts, and why the bar stands still when it does.</summary>
    public static string Describe(AnnouncementProgress progress, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var skipped = progress.Skipped.QuietHours + progress.Skipped.Cap + progress.Skipped.Unsubscribed;
        var line = $"{progress.Id}: {progress.Sent} sent, {progress.Failed} failed, {skipped} skipped, {progress.Pending + progress.Sending} to go";
        if (progress.Retrying > 0 && progress.NextSendAt is { } retry)
        {
            // Without this the bar stalls short of 100 % for minutes while the channel is retried, with no word why.
            line += $" ({progress.Retrying} could not be reached yet; next try {(retry > now ? "at " + TimeZoneInfo.ConvertTime(retry, zone).ToString("HH:mm:ss", CultureInfo.InvariantCulture) : "now")})";
        }
        else if (progress.Status == "scheduled" && progress.NextSendAt is { } due)
        {
            line += $" (scheduled for {Clock(due, zone)})";
        }

        return line;
    }

    /// <summary>What <c>watch</c> says instead of an idle bar when sending starts later.</summary>
    public static string Scheduled(AnnouncementProgress progress, DateTimeOffset due, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var left = due - now;
        var until = left.TotalHours >= 48 ? $"in {(int)left.TotalDays} days"
            : left.TotalMinutes >= 90 ? $"in {(int)Math.Round(left.TotalHours)} hours"
            : $"in {(int)Math.Ceiling(left.TotalMinutes)} minutes";
        return $"{progress.Id} is scheduled: the first of {progress.Targeted} reader(s) get it at {Clock(due, zone)} ({until}). Run announce watch {progress.Id} then to follow it.";
    }

    /// <summary>A time in the marketer's own zone, with the offset, so "09:00" is never mistaken for the server's.</summary>
    public static string Clock(DateTimeOffset time, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(time, zone).ToString("ddd d MMM yyyy HH:mm zzz", CultureInfo.InvariantCulture);
}
