using System.Text.RegularExpressions;

namespace AuthorBot.WebChat.Tests;

/// <summary>
/// What the reader's own browser tells the bot, seen in headless Chromium against the real host: Web Chat sends the
/// browser's IANA zone as <c>localTimezone</c> on every activity, and dates come back in it; the "what do you know
/// about me" answer is a list naming each item and where it came from, with the export and delete buttons.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class ReaderTimeZoneTests(ChromiumFixture chromium)
{
    [Theory]
    [InlineData(1280, 800, "chat-desktop")]
    [InlineData(390, 844, "chat-mobile")]
    public async Task Event_times_are_in_the_zone_of_the_readers_browser(int width, int height, string screenshot)
    {
        using var data = new TempFolder();
        await using var host = await BotHost.StartAsync(data.Path);
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-US",
            TimezoneId = "America/New_York",
        });
        var chat = await ChatPage.OpenAsync(context, host.BaseAddress, ChatTransport.WebSocket);

        await chat.SendAsync("what events are coming up?");

        // The webinar is at 18:00 in London on 14 January 2027 (author.json): 1 PM in New York, said on the US clock.
        await chat.ExpectBotAsync(@"Thursday, January 14, 2027 at 1:00 PM New York time \(EST\)");
        Assert.Equal(0, await chat.CountBotAsync("UTC|because I don't know your time zone"));
        await Screenshots.TakeAsync(chat.Page, screenshot + "-local-time");
    }

    [Fact]
    public async Task What_do_you_know_about_me_is_a_list_naming_each_source_with_export_and_delete_buttons()
    {
        using var data = new TempFolder();
        await using var host = await BotHost.StartAsync(data.Path);
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "en-US",
            TimezoneId = "Asia/Tokyo",
        });
        var chat = await ChatPage.OpenAsync(context, host.BaseAddress, ChatTransport.WebSocket);

        await chat.SendAsync("what do you know about me?");

        var summary = await chat.ExpectBotAsync("Here's what I know about you");
        var facts = summary.Locator(".ac-factset");
        await Expect(facts).ToBeVisibleAsync();
        await Expect(facts).ToContainTextAsync("Asia/Tokyo · sent by your chat app");
        await Expect(facts).ToContainTextAsync(new Regex("you haven['’]t told me · nothing stored"));

        // One row per item: the titles stand in a column of their own, not run together in one paragraph.
        var titles = await facts.Locator(".ac-fact-title").AllInnerTextsAsync();
        Assert.Contains("Time zone", titles.Select(t => t.Trim()));
        Assert.Contains("Name", titles.Select(t => t.Trim()));
        var tops = await Task.WhenAll((await facts.Locator(".ac-fact-title").AllAsync()).Select(async t => (await t.BoundingBoxAsync())!.Y));
        Assert.Equal(tops.Length, tops.Distinct().Count());

        await Expect(summary.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Export my data" })).ToBeVisibleAsync();
        await Expect(summary.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Delete my data" })).ToBeVisibleAsync();
        await Screenshots.TakeAsync(chat.Page, "chat-about-me");

        await chat.ClickButtonAsync("Export my data");
        await chat.ExpectBotAsync("Here's everything I have about you, as a JSON file.");
    }
}
