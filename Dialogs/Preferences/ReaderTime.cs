using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace AuthorBot.Dialogs.Preferences;

/// <summary>
/// Says an instant in the reader's own time zone, or in the author's (saying so) when the reader's client never told
/// us theirs; always naming the zone, in the clock the reader's locale uses.
/// </summary>
public static class ReaderTime
{
    // The host runs with invariant globalization (no ICU), so CultureInfo cannot say which clock a locale uses; these
    // are the regions whose readers expect "7:00 PM" (and, for the first two, the month before the day).
    private static readonly HashSet<string> _twelveHourRegions = new(StringComparer.OrdinalIgnoreCase)
    {
        "US", "PH", "CA", "AU", "NZ", "IN", "PK", "BD", "EG", "SA", "JO", "MY",
    };

    private static readonly HashSet<string> _monthFirstRegions = new(StringComparer.OrdinalIgnoreCase) { "US", "PH" };

    private static readonly LocalDateTimePattern _dayFirst24 =
        LocalDateTimePattern.Create("dddd d MMMM uuuu 'at' HH':'mm", CultureInfo.InvariantCulture);

    private static readonly LocalDateTimePattern _dayFirst12 =
        LocalDateTimePattern.Create("dddd d MMMM uuuu 'at' h':'mm tt", CultureInfo.InvariantCulture);

    private static readonly LocalDateTimePattern _monthFirst12 =
        LocalDateTimePattern.Create("dddd, MMMM d, uuuu 'at' h':'mm tt", CultureInfo.InvariantCulture);

    /// <summary>The reader's zone, or the author's when the profile has none (or an id TZDB no longer knows).</summary>
    /// <param name="readerZoneId">The profile's time zone.</param>
    /// <param name="authorZoneId">The author's time zone, from author.json; UTC when that is unknown too.</param>
    /// <returns>The zone and whether it is the author's fallback.</returns>
    public static (DateTimeZone Zone, bool IsFallback) ZoneFor(string? readerZoneId, string? authorZoneId) =>
        TimeZoneResolver.Find(readerZoneId) is { } zone ? (zone, false) : (TimeZoneResolver.Find(authorZoneId) ?? DateTimeZone.Utc, true);

    /// <summary>"Tuesday 2 March 2027 at 14:00 London time (GMT)", or for en-US "Tuesday, March 2, 2027 at 9:00 AM New York time (EST)".</summary>
    /// <param name="instant">The instant.</param>
    /// <param name="zone">The reader's zone.</param>
    /// <param name="locale">The reader's locale (e.g. <c>en-US</c>), which picks the clock; null for the 24-hour one.</param>
    /// <returns>The text.</returns>
    public static string Format(DateTimeOffset instant, DateTimeZone zone, string? locale = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var at = Instant.FromDateTimeOffset(instant);
        var local = at.InZone(zone).LocalDateTime;
        var region = Region(locale);
        var pattern = region is null || !_twelveHourRegions.Contains(region) ? _dayFirst24
            : _monthFirstRegions.Contains(region) ? _monthFirst12 : _dayFirst12;
        return $"{pattern.Format(local)} {ZoneName(zone, at)}";
    }

    /// <summary>"London time (GMT)", "New York time (EDT)", "Dubai time (UTC+04:00)", "UTC".</summary>
    /// <param name="zone">The zone.</param>
    /// <param name="at">The instant whose abbreviation (summer or winter time) is meant.</param>
    /// <returns>The name.</returns>
    public static string ZoneName(DateTimeZone zone, Instant at)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (zone == DateTimeZone.Utc || zone.Id.StartsWith("Etc/", StringComparison.Ordinal) || !zone.Id.Contains('/', StringComparison.Ordinal))
        {
            return zone.Id.Replace("Etc/", string.Empty, StringComparison.Ordinal);
        }

        var city = zone.Id[(zone.Id.LastIndexOf('/') + 1)..].Replace('_', ' ');
        var interval = zone.GetZoneInterval(at);

        // TZDB names many zones only by their offset ("+04"); the offset then says more than that.
        var abbreviation = interval.Name.All(char.IsAsciiLetter)
            ? interval.Name
            : "UTC" + OffsetPattern.CreateWithInvariantCulture("+HH:mm").Format(interval.WallOffset);
        return $"{city} time ({abbreviation})";
    }

    private static string? Region(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return null;
        }

        var parts = locale.Split('-', '_');
        return parts.Length > 1 ? parts[^1] : null;
    }
}
