using AuthorBot.Bot.Announcements;

namespace AuthorBot.Bot.Tests.Announcements;

public sealed class AnnouncementTimeParserTests
{
    // Monday 7 December 2026, 14:30 in a zone two hours ahead of UTC.
    private static readonly TimeZoneInfo _zone = TimeZoneInfo.CreateCustomTimeZone("Test+2", TimeSpan.FromHours(2), "Test+2", "Test+2");
    private static readonly DateTimeOffset _now = new(2026, 12, 7, 12, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("tomorrow", "2026-12-08T09:00:00+02:00")]
    [InlineData("tomorrow at 6pm", "2026-12-08T18:00:00+02:00")]
    [InlineData("Friday 18:00", "2026-12-11T18:00:00+02:00")]
    [InlineData("9am", "2026-12-08T09:00:00+02:00")]
    [InlineData("in 2 hours", "2026-12-07T16:30:00+02:00")]
    [InlineData("December 24", "2026-12-24T09:00:00+02:00")]
    [InlineData("2026-12-24T09:00+01:00", "2026-12-24T09:00:00+01:00")]
    [InlineData("2026-12-24T09:00Z", "2026-12-24T09:00:00+00:00")]
    [InlineData("2026-12-24 09:00", "2026-12-24T09:00:00+02:00")]
    public void Reads_words_and_iso_times_in_the_marketers_zone(string text, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), AnnouncementTimeParser.Parse(text, _now, _zone));

    [Theory]
    [InlineData("blorp")]
    [InlineData("")]
    [InlineData("tomorrow or maybe the day after, whatever suits")]
    public void Text_that_names_no_single_time_is_not_guessed_at(string text) =>
        Assert.Null(AnnouncementTimeParser.Parse(text, _now, _zone));
}
