using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace AuthorBot.Dialogs.Preferences;

/// <summary>Says an instant in the reader's own time zone, or in UTC (saying so) when they never told us theirs.</summary>
public static class ReaderTime
{
    private static readonly LocalDateTimePattern _pattern =
        LocalDateTimePattern.Create("dddd d MMMM uuuu 'at' HH':'mm", CultureInfo.InvariantCulture);

    /// <summary>The reader's zone, or UTC when the profile has none (or an id TZDB no longer knows).</summary>
    /// <param name="zoneId">The profile's time zone.</param>
    /// <returns>The zone and whether it is the UTC fallback.</returns>
    public static (DateTimeZone Zone, bool IsFallback) ZoneFor(string? zoneId) =>
        TimeZoneResolver.Find(zoneId) is { } zone ? (zone, false) : (DateTimeZone.Utc, true);

    /// <summary>"Tuesday 2 March 2027 at 14:00 London time".</summary>
    /// <param name="instant">The instant.</param>
    /// <param name="zone">The reader's zone.</param>
    /// <returns>The text.</returns>
    public static string Format(DateTimeOffset instant, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = Instant.FromDateTimeOffset(instant).InZone(zone).LocalDateTime;
        return $"{_pattern.Format(local)} {ZoneName(zone)}";
    }

    /// <summary>"London time", "New York time", "UTC".</summary>
    /// <param name="zone">The zone.</param>
    /// <returns>The name.</returns>
    public static string ZoneName(DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (zone == DateTimeZone.Utc || zone.Id.StartsWith("Etc/", StringComparison.Ordinal) || !zone.Id.Contains('/', StringComparison.Ordinal))
        {
            return zone.Id.Replace("Etc/", string.Empty, StringComparison.Ordinal);
        }

        return zone.Id[(zone.Id.LastIndexOf('/') + 1)..].Replace('_', ' ') + " time";
    }
}
