using AuthorBot.Dialogs.Preferences;

namespace AuthorBot.Bot.Tests.Flows;

public class PreferenceParserTests
{
    [Theory]
    [InlineData("London", "Europe/London")]
    [InlineData("new york", "America/New_York")]
    [InlineData("I'm in Los Angeles", "America/Los_Angeles")]
    [InlineData("europe/paris", "Europe/Paris")]
    [InlineData("Asia/Calcutta", "Asia/Kolkata")]
    [InlineData("pacific time", "America/Los_Angeles")]
    [InlineData("Japan", "Asia/Tokyo")]
    [InlineData("UTC", "Etc/UTC")]
    [InlineData("edinburgh", "Europe/London")]
    public void Time_zones_resolve_from_cities_ids_and_common_names(string text, string expected)
    {
        Assert.True(TimeZoneResolver.TryResolve(text, out var zone));
        Assert.Equal(expected, zone);
    }

    [Theory]
    [InlineData("")]
    [InlineData("purple elephant")]
    [InlineData("United States")]
    [InlineData("Europe/Atlantis")]
    public void Unknown_or_ambiguous_places_do_not_resolve(string text)
    {
        Assert.False(TimeZoneResolver.TryResolve(text, out _));
    }

    [Theory]
    [InlineData("10pm to 7am", 22, 7)]
    [InlineData("22:00-07:00", 22, 7)]
    [InlineData("from 23 until 6", 23, 6)]
    [InlineData("between midnight and 8am", 0, 8)]
    [InlineData("1 p.m. - 2 p.m.", 13, 14)]
    public void Quiet_hours_read_ranges(string text, int start, int end)
    {
        Assert.True(QuietHoursParser.TryParse(text, out var s, out var e));
        Assert.Equal(start, s);
        Assert.Equal(end, e);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("No")]
    public void Quiet_hours_none_clears_them(string text)
    {
        Assert.True(QuietHoursParser.TryParse(text, out var s, out var e));
        Assert.Null(s);
        Assert.Null(e);
    }

    [Theory]
    [InlineData("10pm")]
    [InlineData("25 to 7")]
    [InlineData("13pm to 7am")]
    [InlineData("10:30pm to 7am")]
    [InlineData("7 to 7")]
    [InlineData("whenever")]
    public void Quiet_hours_reject_nonsense(string text)
    {
        Assert.False(QuietHoursParser.TryParse(text, out _, out _));
    }

    [Fact]
    public void Topics_split_on_commas_and_and()
    {
        Assert.True(TopicsParser.TryParse("Fantasy, mysteries and Signings", out var topics));
        Assert.Equal(["fantasy", "mysteries", "signings"], topics);
    }

    [Theory]
    [InlineData("")]
    [InlineData("123, 456")]
    [InlineData("a,b,c,d,e,f,g,h,i,j,k")]
    public void Topics_reject_nonsense_and_too_many(string text)
    {
        Assert.False(TopicsParser.TryParse(text, out _));
    }
}
