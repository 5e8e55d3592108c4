namespace AuthorBot.WebChat.Tests;

/// <summary>
/// The Adaptive Cards AuthorBot uses in Web Chat, as the real bundle renders them in Chromium: the book cards and the
/// preferences form, pressed and filled in like a reader would.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class WebChatCardTests(ChromiumFixture chromium)
{
    private const string Welcome = "^Hi! I'm AuthorBot";

    [Fact]
    public async Task Books_come_as_adaptive_cards_and_a_button_press_is_taken_as_feedback_on_that_book()
    {
        using var data = new TempFolder();
        await using var host = await BotHost.StartAsync(data.Path);
        await using var context = await NewReaderAsync();
        var chat = await ChatPage.OpenAsync(context, host.BaseAddress, ChatTransport.WebSocket);
        await chat.ExpectBotAsync(Welcome);

        await chat.SendAsync("recommend me a book");
        await chat.ExpectBotAsync("Which genres do you like");
        await chat.SendAsync("fantasy, mystery");

        var cards = chat.Page.Locator("#webchat .ac-adaptiveCard");
        await Expect(cards).ToHaveCountAsync(5, new LocatorAssertionsToHaveCountOptions { Timeout = ChatPage.StepTimeoutMs });
        await Expect(cards.First).ToContainTextAsync(new System.Text.RegularExpressions.Regex("^\\s*1 · "));
        var last = cards.Last;
        var title = (await last.Locator(".ac-textBlock").First.InnerTextAsync()).Split(" · ", 2)[1].Split(" (")[0];
        await last.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Not for me" }).ClickAsync();
        await chat.ExpectBotAsync($"^Got it, I won't suggest {System.Text.RegularExpressions.Regex.Escape(title)}");
    }

    [Fact]
    public async Task Preferences_are_one_form_and_one_save()
    {
        using var data = new TempFolder();
        await using var host = await BotHost.StartAsync(data.Path);
        await using var context = await NewReaderAsync();
        var chat = await ChatPage.OpenAsync(context, host.BaseAddress, ChatTransport.WebSocket);
        await chat.ExpectBotAsync(Welcome);

        await chat.SendAsync("preferences");
        var form = chat.Page.Locator("#webchat .ac-adaptiveCard").Filter(new LocatorFilterOptions { HasText = "Your preferences" }).Last;
        await Expect(form).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = ChatPage.StepTimeoutMs });
        await form.GetByLabel("Time zone").FillAsync("Tokyo");
        await form.GetByLabel("Quiet hours (no messages then, your time)").FillAsync("11pm to 6am");
        await form.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Save" }).ClickAsync();

        var saved = await chat.ExpectBotAsync("^Saved\\. Your preferences now:");
        await Expect(saved).ToContainTextAsync("Time zone: Asia/Tokyo");
        await Expect(saved).ToContainTextAsync("Quiet hours: 23:00 to 06:00");
    }

    private Task<IBrowserContext> NewReaderAsync() => chromium.Browser.NewContextAsync(new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = 480, Height = 800 },
        Locale = "en-US",
    });
}
