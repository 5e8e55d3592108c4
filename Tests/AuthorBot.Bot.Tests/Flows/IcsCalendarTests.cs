using System.Text;
using AuthorBot.Dialogs.Events;

namespace AuthorBot.Bot.Tests.Flows;

public class IcsCalendarTests
{
    private static readonly DateTimeOffset _stamp = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Calendar_has_the_required_properties_with_times_in_utc()
    {
        var signing = TestContent.Signing(10) with { StartsAt = new DateTimeOffset(2027, 7, 1, 14, 0, 0, TimeSpan.FromHours(1)) };

        var lines = Unfold(IcsCalendar.Build(signing, "Test Author", _stamp));

        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("END:VCALENDAR", lines[^1]);
        Assert.Contains("VERSION:2.0", lines);
        Assert.Contains("UID:small-signing@authorbot", lines);
        Assert.Contains("DTSTAMP:20261123T093000Z", lines);
        Assert.Contains("DTSTART:20270701T130000Z", lines);
        Assert.Contains("DTEND:20270701T150000Z", lines);
        Assert.Contains("SUMMARY:Small signing", lines);
        Assert.Contains("URL:https://example.com/events/small-signing", lines);
        Assert.Contains("LOCATION:Lantern Books\\, Edinburgh", lines);
    }

    [Fact]
    public void Lines_end_with_crlf_and_are_folded_at_75_octets_without_splitting_characters()
    {
        var title = string.Concat(Enumerable.Repeat("Café night; ünïcödé 📚, ", 12));
        var signing = TestContent.Signing(10) with { Title = title };

        var text = IcsCalendar.Build(signing, "Test Author", _stamp);

        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        var physical = text.Split("\r\n")[..^1];
        Assert.All(physical, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"{Encoding.UTF8.GetByteCount(line)} octets: {line}"));
        Assert.Contains(physical, line => line.StartsWith(' '));
        Assert.All(physical, line => Assert.False(line.Length > 0 && char.IsHighSurrogate(line[^1]), "a surrogate pair was split"));

        var summary = Assert.Single(Unfold(text), l => l.StartsWith("SUMMARY:", StringComparison.Ordinal));
        var escaped = title.Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal);
        Assert.Equal("SUMMARY:" + escaped, summary);
    }

    [Fact]
    public void Attachment_is_a_text_calendar_data_url()
    {
        var attachment = IcsCalendar.ToAttachment(TestContent.Signing(10), "Test Author", _stamp);

        Assert.Equal("text/calendar", attachment.ContentType);
        Assert.Equal("small-signing.ics", attachment.Name);
        const string prefix = "data:text/calendar;charset=utf-8;base64,";
        Assert.StartsWith(prefix, attachment.ContentUrl, StringComparison.Ordinal);
        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(attachment.ContentUrl![prefix.Length..]));
        Assert.Equal(IcsCalendar.Build(TestContent.Signing(10), "Test Author", _stamp), decoded);
    }

    /// <summary>RFC 5545 unfolding: a CRLF followed by a space continues the previous line.</summary>
    private static List<string> Unfold(string text) =>
        [.. text.Replace("\r\n ", string.Empty, StringComparison.Ordinal).Split("\r\n").Where(l => l.Length > 0)];
}
