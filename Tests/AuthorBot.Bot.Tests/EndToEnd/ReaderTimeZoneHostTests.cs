using System.Text.Json;
using System.Text.RegularExpressions;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Content;
using AuthorBot.Dialogs.Preferences;
using NodaTime;

namespace AuthorBot.Bot.Tests.EndToEnd;

public class ReaderTimeZoneHostTests
{
    [Fact]
    public async Task The_zone_a_client_sends_is_kept_and_every_date_is_said_in_it()
    {
        await using var host = await RunningHost.StartWithMemoryAsync();
        var content = host.Services.GetRequiredService<AuthorContent>();
        var newYork = DateTimeZoneProviders.Tzdb["America/New_York"];
        var launch = content.NextLaunch(DateTimeOffset.UtcNow)!.Launch!.At;

        var launchReply = await SayAsync(host, "tz-launch", "ny-reader", "when is the new book out?", "America/New_York");

        Assert.Contains($"comes out {ReaderTime.Format(launch, newYork, "en-US")}.", launchReply, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"comes out \w+, \w+ \d{1,2}, \d{4} at \d{1,2}:\d{2} (AM|PM) New York time \(E[SD]T\)\.", RegexOptions.None, TimeSpan.FromSeconds(1)), launchReply);
        Assert.DoesNotContain("UTC", launchReply, StringComparison.Ordinal);
        Assert.DoesNotContain("because I don't know your time zone", launchReply, StringComparison.Ordinal);

        // A later message without the zone (another conversation, the same reader) still gets New York time: it was kept.
        var eventsReply = await SayAsync(host, "tz-events", "ny-reader", "what events are coming up?", null);
        var first = content.UpcomingEvents(DateTimeOffset.UtcNow)[0];
        Assert.Contains(ReaderTime.Format(first.StartsAt, newYork, "en-US"), eventsReply, StringComparison.Ordinal);
        Assert.DoesNotContain("because I don't know your time zone", eventsReply, StringComparison.Ordinal);

        // A reader whose client sends no zone sees the author's, named, with a word on how to change it.
        var other = await SayAsync(host, "tz-none", "no-zone-reader", "when is the new book out?", null);
        Assert.Contains($"comes out {ReaderTime.Format(launch, DateTimeZoneProviders.Tzdb["Europe/London"], "en-US")}.", other, StringComparison.Ordinal);
        Assert.Contains("That's Maren Holloway's time because I don't know your time zone yet", other, StringComparison.Ordinal);
    }

    private static async Task<string> SayAsync(RunningHost host, string conversationId, string userId, string text, string? localTimezone)
    {
        var activity = RunningHost.NewMessage(conversationId, userId, text, "http://127.0.0.1:1");
        activity.DeliveryMode = DeliveryModes.ExpectReplies;
        activity.LocalTimezone = localTimezone;
        activity.LocalTimestamp = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(-5));
        using var response = await host.PostActivityAsync(activity);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        // Every string of the replies: their texts and the cards' subtitles, where the dates of a carousel are.
        return string.Join('\n', Strings(body.RootElement.GetProperty("activities")));
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };
}
