using System.Text.Json;

namespace AuthorBot.WebChat.Tests;

/// <summary>
/// The chat page's look in headless Chromium: the author's header from author.json, the welcome at the top, nothing
/// wider than a phone, suggested actions that no scroll arrow covers, no markup shown as text, and axe-core clean.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class ChatPageLayoutTests(ChromiumFixture chromium)
{
    private const string Welcome = "^Hi! I'm AuthorBot";

    [Theory]
    [InlineData(390, 844, "chat-mobile")]
    [InlineData(1280, 800, "chat-desktop")]
    public async Task The_page_carries_the_authors_header_and_fits_the_screen(int width, int height, string screenshot)
    {
        using var data = new TempFolder();
        await using var host = await BotHost.StartAsync(data.Path);
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-US",
        });
        var chat = await ChatPage.OpenAsync(context, host.BaseAddress, ChatTransport.WebSocket);
        var welcome = await chat.ExpectBotAsync(Welcome);

        var page = chat.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync("Maren Holloway");
        await Expect(page.Locator("#author-tagline")).ToHaveTextAsync("Stories of salt, storms and maps that move");
        await Expect(page.Locator("#author-photo")).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync("Chat with Maren Holloway");
        Assert.Equal("rgb(122, 46, 77)", await page.Locator(".chat-header").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));

        // The welcome is the first thing in the transcript, right under the header, not at the bottom of an empty column.
        var headerBottom = (await page.Locator(".chat-header").BoundingBoxAsync())!;
        var welcomeBox = (await welcome.BoundingBoxAsync())!;
        Assert.InRange(welcomeBox.Y - (headerBottom.Y + headerBottom.Height), 0, 120);

        await Screenshots.TakeAsync(page, screenshot + "-welcome");

        // Every suggested action is a whole button inside the screen, with no carousel arrow over it.
        await Expect(chat.SuggestedActions.First).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("#webchat .webchat__suggested-actions [class*=\"flipper\"]").Filter(new LocatorFilterOptions { Visible = true }).CountAsync());
        foreach (var button in await chat.SuggestedActions.AllAsync())
        {
            var box = (await button.BoundingBoxAsync())!;
            Assert.True(box.X >= 0 && box.X + box.Width <= width, $"A suggested action runs past the screen: {await button.InnerTextAsync()} at {box.X}+{box.Width}");
        }

        // Book cards stay inside the screen too: on a phone as a list; on a wide screen the carousel's strip fits and
        // scrolls its cards inside itself.
        await chat.SendAsync("recommend me a book");
        await chat.ExpectBotAsync("Which genres do you like");
        await chat.SendAsync("fantasy, mystery");
        var cards = page.Locator("#webchat .ac-adaptiveCard");
        await Expect(cards).ToHaveCountAsync(5, new LocatorAssertionsToHaveCountOptions { Timeout = ChatPage.StepTimeoutMs });
        var carousels = page.Locator("#webchat .webchat__carousel-filmstrip");
        var outside = width < 600
            ? page.Locator("#webchat .webchat__bubble__content")
            : page.Locator("#webchat .webchat__bubble__content:not(.webchat__carousel-filmstrip *)").Or(carousels);
        if (width < 600)
        {
            Assert.Equal(0, await carousels.CountAsync());
        }

        foreach (var box in await Task.WhenAll((await outside.AllAsync()).Select(b => b.BoundingBoxAsync())))
        {
            Assert.True(box!.X >= 0 && box.X + box.Width <= width + 0.5, $"A message runs past the right edge: {box.X}+{box.Width} > {width}");
        }

        var overflow = await page.EvaluateAsync<JsonElement>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(overflow[0].GetInt32() <= overflow[1].GetInt32(), $"The page scrolls sideways: {overflow[0]} > {overflow[1]}");

        // No markup shown as text in the header, the welcome, or the list's hint (a "<title>" placeholder once showed "</p>").
        await chat.ExpectBotAsync("to hear why I picked it");
        var shown = await page.Locator(".chat-header").InnerTextAsync() + await welcome.InnerTextAsync() + await page.Locator("#webchat .webchat__basic-transcript").InnerTextAsync();
        Assert.DoesNotMatch("</?[a-z]+[^>]*>|&lt;|&gt;|&amp;", shown);

        await Screenshots.TakeAsync(page, screenshot + "-books");
    }

    [Fact]
    public async Task Axe_finds_no_serious_or_critical_violations_on_the_chat_page()
    {
        using var data = new TempFolder();
        await using var host = await BotHost.StartAsync(data.Path);
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "en-US",
        });
        var chat = await ChatPage.OpenAsync(context, host.BaseAddress, ChatTransport.WebSocket);
        await chat.ExpectBotAsync(Welcome);

        Assert.Empty(await Axe.SeriousViolationsAsync(chat.Page));
    }
}
