using System.Net;
using AuthorBot.Bot.Tests.EndToEnd;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Events;
using Xunit.Abstractions;

namespace AuthorBot.Bot.Tests.Announcements;

/// <summary>
/// The acceptance line, end to end: a marketer runs the command line against the running bot and watches an
/// announcement reach a test audience; a reader in the Emulator-like channel receives it, clicks, RSVPs; the results
/// show it.
/// </summary>
public sealed class AnnouncementAcceptanceTests(ITestOutputHelper output)
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_marketers_announcement_reaches_readers_and_one_readers_click_reply_and_rsvp_show_in_the_results()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await using var channel = await FakeChannel.StartAsync();
        await using var host = await AnnouncementHost.StartAsync();
        var bot = host.Host.BaseAddress.ToString();

        // The test audience talks to the bot first, so the real middleware captures their conversation references.
        foreach (var reader in new[] { "ann", "ben" })
        {
            Assert.NotEmpty(await channel.SayAsync(host.Host, "conv-" + reader, reader, "hi"));
        }

        // The marketer announces an A/B test from the command line and watches it to the end.
        var (code, announced) = await AnnounceCommandTests.RunAsync(
            "--url", bot, "--key", AnnouncementHost.ApiKey, "--interval", "0.05", "--name", "Webinar",
            "--variant", "A=Join Maren live: https://example.com/webinar?utm=a",
            "--variant", "B=Ask Maren anything: https://example.com/webinar?utm=b");
        Assert.True(code == 0, announced);
        Assert.Contains("completed: targeted 2, sent 2, failed 0", announced, StringComparison.Ordinal);
        var id = announced.Split(' ', '\n').First(w => w.StartsWith("ann_", StringComparison.Ordinal));

        // Ann gets it in the channel and follows the link: the bot counts the click and redirects without her seeing how.
        var received = await channel.WaitForProactiveAsync(a => a.Conversation?.Id == "conv-ann", _timeout);
        await channel.WaitForProactiveAsync(a => a.Conversation?.Id == "conv-ben", _timeout);
        var variant = received.Text!.StartsWith("Join", StringComparison.Ordinal) ? "A" : "B";
        var other = variant == "A" ? "B" : "A";
        var link = received.Text.Split(' ').Single(w => w.Contains("/r/", StringComparison.Ordinal));
        Assert.StartsWith(bot.TrimEnd('/') + "/r/", link, StringComparison.Ordinal);
        using (var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }))
        {
            using var click = await browser.GetAsync(new Uri(link));
            Assert.Equal(HttpStatusCode.Redirect, click.StatusCode);
            Assert.Equal("https://example.com/webinar?utm=" + variant.ToLowerInvariant(), click.Headers.Location!.ToString());
        }

        // Then she asks for events, picks the webinar and presses RSVP, as she would in the Emulator.
        var events = await channel.SayAsync(host.Host, "conv-ann", "ann", "events");
        var webinar = Button(events, "Webinar: building a city that moves");
        var actions = await channel.SayAsync(host.Host, "conv-ann", "ann", webinar);
        var booked = await channel.SayAsync(host.Host, "conv-ann", "ann", Button(actions, EventRsvpDialog.RsvpChoice));
        Assert.Contains(booked, a => a.Text?.StartsWith("You're in!", StringComparison.Ordinal) == true);

        // The marketer's results: her variant has the click, the reply and the RSVP; the other variant has none.
        var (resultsCode, table) = await AnnounceCommandTests.RunAsync("results", id, "--url", bot, "--key", AnnouncementHost.ApiKey);
        Assert.True(resultsCode == 0, table);
        output.WriteLine(table);
        Assert.Equal(["1", "1 (100.0 %)", "1 (100.0 %)", "1 (100.0 %)"], Row(table, variant));
        Assert.Equal(["1", "0 (0.0 %)", "0 (0.0 %)", "0 (0.0 %)"], Row(table, other));
        Assert.DoesNotContain(table.Split('\n'), line => line.Length > 80);
        Assert.Contains("B vs A rsvpRate", table, StringComparison.Ordinal);

        var results = await host.GetJsonAsync($"/api/announcements/{id}/results");
        var variants = results.GetProperty("variants").EnumerateArray().ToDictionary(v => v.GetProperty("variant").GetString()!);
        var mine = variants[variant];
        Assert.Equal((1, 1, 1, 1, 1.0), (mine.GetProperty("sent").GetInt32(), mine.GetProperty("clicked").GetInt32(), mine.GetProperty("replied").GetInt32(), mine.GetProperty("rsvped").GetInt32(), mine.GetProperty("rsvpRate").GetDouble()));
        Assert.Equal((1, 0, 0, 0), (variants[other].GetProperty("sent").GetInt32(), variants[other].GetProperty("clicked").GetInt32(), variants[other].GetProperty("replied").GetInt32(), variants[other].GetProperty("rsvped").GetInt32()));
        Assert.Contains(results.GetProperty("comparisons").EnumerateArray(), c => c.GetProperty("metric").GetString() == "rsvpRate");
        output.WriteLine($"Whole flow took {watch.ElapsedMilliseconds} ms.");
    }

    /// <summary>The value a reader sends by pressing the suggested action titled <paramref name="title"/>.</summary>
    private static string Button(IEnumerable<Activity> replies, string title)
    {
        var action = replies.SelectMany(r => r.SuggestedActions?.Actions ?? []).SingleOrDefault(a => a.Title == title);
        Assert.True(action is not null, $"No \"{title}\" button in: {string.Join(" | ", replies.Select(r => r.Text))}");
        return action.Value?.ToString() ?? title;
    }

    /// <summary>The cells after the variant's name in its row of the results table.</summary>
    private static string[] Row(string table, string variant) =>
        table.Split('\n')
            .Select(line => line.Split('│', '|').Select(cell => cell.Trim()).Where(cell => cell.Length > 0).ToArray())
            .Single(cells => cells.Length > 1 && cells[0] == variant)[1..];
}
