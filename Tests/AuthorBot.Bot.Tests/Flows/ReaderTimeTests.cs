using AuthorBot.Dialogs.Preferences;
using NodaTime;

namespace AuthorBot.Bot.Tests.Flows;

public class ReaderTimeTests
{
    private static readonly DateTimeOffset _launch = new(2027, 3, 2, 14, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("America/New_York", "en-US", "Tuesday, March 2, 2027 at 9:00 AM New York time (EST)")]
    [InlineData("Europe/Berlin", "de-DE", "Tuesday 2 March 2027 at 15:00 Berlin time (CET)")]
    [InlineData("Europe/London", null, "Tuesday 2 March 2027 at 14:00 London time (GMT)")]
    [InlineData("Australia/Sydney", "en-AU", "Wednesday 3 March 2027 at 1:00 AM Sydney time (AEDT)")]
    [InlineData("Asia/Dubai", "ar-AE", "Tuesday 2 March 2027 at 18:00 Dubai time (UTC+04:00)")]
    [InlineData("America/Los_Angeles", "en", "Tuesday 2 March 2027 at 06:00 Los Angeles time (PST)")]
    public void An_instant_is_said_in_the_zone_with_its_name_and_the_locales_clock(string zone, string? locale, string expected) =>
        Assert.Equal(expected, ReaderTime.Format(_launch, DateTimeZoneProviders.Tzdb[zone], locale));

    [Fact]
    public void Summer_time_has_its_own_abbreviation() =>
        Assert.EndsWith("Berlin time (CEST)", ReaderTime.Format(new DateTimeOffset(2027, 7, 1, 12, 0, 0, TimeSpan.Zero), DateTimeZoneProviders.Tzdb["Europe/Berlin"]), StringComparison.Ordinal);

    [Fact]
    public void Without_the_readers_zone_the_authors_is_used_and_said_to_be_a_fallback()
    {
        Assert.Equal((DateTimeZoneProviders.Tzdb["America/Chicago"], false), ReaderTime.ZoneFor("America/Chicago", "Europe/London"));
        Assert.Equal((DateTimeZoneProviders.Tzdb["Europe/London"], true), ReaderTime.ZoneFor(null, "Europe/London"));
        Assert.Equal((DateTimeZoneProviders.Tzdb["Europe/London"], true), ReaderTime.ZoneFor("Mars/Olympus_Mons", "Europe/London"));
        Assert.Equal((DateTimeZone.Utc, true), ReaderTime.ZoneFor(null, null));
    }
}
