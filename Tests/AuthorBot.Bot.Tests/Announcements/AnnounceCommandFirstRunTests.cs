using System.Globalization;
using AuthorBot.Bot.Announcements;
using Spectre.Console;

namespace AuthorBot.Bot.Tests.Announcements;

/// <summary>The marketer's command line, tried as a newcomer would: natural dates, scheduled sends, retries, wrong addresses.</summary>
public sealed class AnnounceCommandFirstRunTests
{
    private static readonly TimeZoneInfo _zone = TimeZoneInfo.CreateCustomTimeZone("Test+2", TimeSpan.FromHours(2), "Test+2", "Test+2");

    [Fact]
    public async Task At_tomorrow_schedules_nine_in_the_marketers_zone_and_watching_says_when_it_starts()
    {
        await using var channel = await AnnouncementChannel.StartAsync();
        await using var host = await AnnouncementHost.StartAsync();
        await host.SeedReadersAsync(2, channel.ServiceUrl);
        var before = NineTomorrow();

        var (code, text) = await RunAsync("--url", host.Host.BaseAddress.ToString(), "--key", AnnouncementHost.ApiKey, "--text", "Hello {name}", "--at", "tomorrow");

        Assert.True(code == 0, text);
        Assert.DoesNotContain("Usage", text, StringComparison.Ordinal);
        Assert.Contains("is scheduled: the first of 2 reader(s) get it at", text, StringComparison.Ordinal);
        var id = text.Split(' ', '\n').First(w => w.StartsWith("ann_", StringComparison.Ordinal));
        var progress = await host.GetJsonAsync("/api/announcements/" + id);
        Assert.Equal("scheduled", progress.GetProperty("status").GetString());
        var due = progress.GetProperty("nextSendAt").GetDateTimeOffset();
        Assert.Contains(due, new[] { before, NineTomorrow() });
        Assert.Contains(AnnouncementProgressLine.Clock(due, _zone), text, StringComparison.Ordinal);
        Assert.Equal(0, channel.PostCount);

        // Watching it later says the same instead of a bar at 0 % until tomorrow.
        var (watchCode, watched) = await RunAsync("watch", id, "--url", host.Host.BaseAddress.ToString(), "--key", AnnouncementHost.ApiKey);
        Assert.True(watchCode == 0, watched);
        Assert.Contains($"{id} is scheduled", watched, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("blorp", "cannot read \"blorp\" as a time")]
    [InlineData("yesterday", "has passed")]
    public async Task A_time_it_cannot_use_is_one_line_that_says_what_it_expects(string at, string expected)
    {
        var (code, text) = await RunAsync("--url", "http://127.0.0.1:9", "--key", "k", "--text", "hi", "--at", at);

        Assert.Equal(2, code);
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Usage", text, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
        Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Something_else_listening_at_the_address_is_named_as_not_AuthorBot()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var other = builder.Build();
        await other.StartAsync();

        var (code, text) = await RunAsync("watch", "ann_1", "--url", other.Urls.Single(), "--key", "k");

        Assert.Equal(1, code);
        Assert.Contains("it is not AuthorBot", text, StringComparison.Ordinal);
        Assert.DoesNotContain("no details", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_a_reader_is_retried_the_progress_says_so_and_when()
    {
        await using var channel = await AnnouncementChannel.StartAsync();
        channel.Inject = (conversation, _) => conversation == "conv-r1" ? new AnnouncementChannel.Failure(503) : null;
        await using var host = await AnnouncementHost.StartAsync("--Announcements:RetryBaseDelay=00:01:00");
        await host.SeedReadersAsync(3, channel.ServiceUrl);
        var id = await host.CreateAsync("""{"text":"Hello"}""");

        using var http = new HttpClient { BaseAddress = host.Host.BaseAddress };
        var client = new AnnouncementClient(http, AnnouncementHost.ApiKey);
        AnnouncementProgress progress;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            await Task.Delay(50);
            progress = await client.GetProgressAsync(id, CancellationToken.None);
            Assert.True(DateTime.UtcNow < deadline, "The failing reader was never put back for a retry.");
        }
        while (progress.Retrying == 0 || progress.Sent < 2);

        var now = DateTimeOffset.UtcNow;
        Assert.True(progress.NextSendAt > now, $"next send {progress.NextSendAt} is not ahead of {now}");
        var line = AnnouncementProgressLine.Describe(progress, now, _zone);
        Assert.Contains("2 sent", line, StringComparison.Ordinal);
        Assert.Contains("1 could not be reached yet; next try at " + TimeZoneInfo.ConvertTime(progress.NextSendAt!.Value, _zone).ToString("HH:mm:ss", CultureInfo.InvariantCulture), line, StringComparison.Ordinal);
    }

    private static DateTimeOffset NineTomorrow()
    {
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, _zone);
        return new DateTimeOffset(local.Date.AddDays(1).AddHours(9), _zone.BaseUtcOffset);
    }

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No });
        // Wide enough that a line is a line, not Spectre's wrap at 80 columns.
        console.Profile.Width = 400;
        var code = await AnnounceCommand.RunAsync(args, console, null, new ZoneClock(_zone), CancellationToken.None);
        return (code, writer.ToString());
    }

    private sealed class ZoneClock(TimeZoneInfo zone) : TimeProvider
    {
        public override TimeZoneInfo LocalTimeZone => zone;
    }
}
