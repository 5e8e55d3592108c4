using AuthorBot.Dialogs.Profile;
using NodaTime;

namespace AuthorBot.Bot.Announcements;

/// <summary>A reader's local time: quiet hours and the default best hour (early evening) are in the reader's time zone.</summary>
internal static class ReaderClock
{
    /// <summary>The hour readers are contacted at when nothing was learned about them.</summary>
    public const int DefaultBestLocalHour = 18;

    /// <summary>The reader's zone (IANA id from the profile), UTC when unknown or not recognized.</summary>
    public static DateTimeZone ZoneOf(ReaderProfile? profile) =>
        profile?.TimeZone is { Length: > 0 } id ? DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) ?? DateTimeZone.Utc : DateTimeZone.Utc;

    /// <summary>The reader's local hour at <paramref name="at"/>.</summary>
    public static int LocalHour(ReaderProfile? profile, DateTimeOffset at) =>
        Instant.FromDateTimeOffset(at).InZone(ZoneOf(profile)).Hour;

    /// <summary>True when <paramref name="at"/> falls in the reader's quiet hours.</summary>
    public static bool InQuietHours(ReaderProfile? profile, DateTimeOffset at)
    {
        if (profile?.Preferences is not { QuietHoursStart: { } start, QuietHoursEnd: { } end } || start == end)
        {
            return false;
        }

        var hour = LocalHour(profile, at);
        return start < end ? hour >= start && hour < end : hour >= start || hour < end;
    }

    /// <summary>The first moment at or after <paramref name="at"/> outside the reader's quiet hours.</summary>
    public static DateTimeOffset EndOfQuietHours(ReaderProfile? profile, DateTimeOffset at)
    {
        var candidate = at;
        for (var i = 0; i < 25 && InQuietHours(profile, candidate); i++)
        {
            var next = candidate.AddHours(1);
            candidate = new DateTimeOffset(next.Year, next.Month, next.Day, next.Hour, 0, 0, next.Offset);
        }

        return candidate;
    }
}
