using System.Text.Json;

namespace AuthorBot.WebChat.Tests;

/// <summary>
/// The chat page and the dashboard with the keyboard alone, in headless Chromium: Tab reaches every control a reader or
/// an author needs, Enter and Space press them, and the focused control shows a visible focus ring.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class KeyboardTests(ChromiumFixture chromium)
{
    // Bounds the Tab walks: the dashboard has fewer than this many focusable controls before any of its tables.
    private const int MaxTabs = 80;

    private const string ApiKey = "keyboard-test-key-0123456789abcdef";

    [Fact]
    public async Task A_reader_chats_with_the_keyboard_alone()
    {
        using var data = new TempFolder();
        await using var host = await BotHost.StartAsync(data.Path);
        await using var context = await NewContextAsync();
        var chat = await ChatPage.OpenAsync(context, host.BaseAddress, ChatTransport.WebSocket);
        var keyboard = chat.Page.Keyboard;
        await chat.ExpectBotAsync("^Hi! I'm AuthorBot");

        // Tab from the top of the page to the send box, type, Enter.
        await FocusByTabAsync(chat.Page, "[data-id=\"webchat-sendbox-input\"]", "Tab");
        await keyboard.TypeAsync("menu");
        await keyboard.PressAsync("Enter");
        await Expect(chat.UserBubbles.Filter(new LocatorFilterOptions { HasText = "menu" })).ToHaveCountAsync(1);
        await Expect(chat.SuggestedActions.First).ToBeVisibleAsync();

        // The suggested actions sit just before the send box: Shift+Tab walks back to one, Enter presses it.
        await FocusByTabAsync(chat.Page, ".webchat__suggested-actions__button", "Shift+Tab");
        var chosen = (await chat.Page.EvaluateAsync<string>("() => document.activeElement.innerText")).Trim();
        await AssertFocusVisibleAsync(chat.Page);
        await keyboard.PressAsync("Enter");
        await Expect(chat.UserBubbles.Filter(new LocatorFilterOptions { HasText = chosen })).ToHaveCountAsync(1);

        // Back in the send box: leave that question, ask for the menu again, and press an action with Space this time.
        await chat.ExpectBotAsync("What's your name");
        await FocusByTabAsync(chat.Page, "[data-id=\"webchat-sendbox-input\"]", "Tab");
        await keyboard.TypeAsync("cancel");
        await keyboard.PressAsync("Enter");
        await Expect(chat.UserBubbles.Filter(new LocatorFilterOptions { HasText = "cancel" })).ToHaveCountAsync(1);
        await keyboard.TypeAsync("menu");
        await keyboard.PressAsync("Enter");
        await Expect(chat.UserBubbles.Filter(new LocatorFilterOptions { HasText = "menu" })).ToHaveCountAsync(2);
        await Expect(chat.SuggestedActions.First).ToBeVisibleAsync();
        await FocusByTabAsync(chat.Page, ".webchat__suggested-actions__button", "Shift+Tab");
        var second = (await chat.Page.EvaluateAsync<string>("() => document.activeElement.innerText")).Trim();
        await AssertFocusVisibleAsync(chat.Page);
        var before = await chat.UserBubbles.Filter(new LocatorFilterOptions { HasText = second }).CountAsync();
        await keyboard.PressAsync("Space");
        await Expect(chat.UserBubbles.Filter(new LocatorFilterOptions { HasText = second })).ToHaveCountAsync(before + 1);
    }

    [Fact]
    public async Task An_author_signs_in_and_marks_a_message_handled_with_the_keyboard_alone()
    {
        using var data = new TempFolder();
        await using var host = await BotHost.StartAsync(data.Path, $"--Announcements:ApiKey={ApiKey}");
        await DashboardSeed.InboxAsync(host);
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(ChatPage.StepTimeoutMs);
        await page.GotoAsync(new Uri(host.BaseAddress, "/dashboard").ToString());

        await FocusByTabAsync(page, "input[name=key]", "Tab");
        await AssertFocusVisibleAsync(page);
        await page.Keyboard.TypeAsync(ApiKey);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync("Maren Holloway's dashboard");
        await Expect(page.Locator("body[data-understanding-loaded=true]")).ToHaveCountAsync(1);

        await FocusByTabAsync(page, "#inbox-table button", "Tab");
        await AssertFocusVisibleAsync(page);
        await page.Keyboard.PressAsync("Space");
        await Expect(page.Locator("#inbox-status")).ToHaveTextAsync("Marked handled: the message from Ada.");
        await Expect(page.Locator("#inbox-table tbody tr.handled")).ToHaveCountAsync(1);
    }

    // Presses the key until the focus is on an element matching the selector; fails after MaxTabs presses.
    private static async Task FocusByTabAsync(IPage page, string selector, string key)
    {
        for (var i = 0; i < MaxTabs; i++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement !== null && document.activeElement.matches(s)", selector))
            {
                return;
            }

            await page.Keyboard.PressAsync(key);
        }

        Assert.Fail($"{MaxTabs} presses of {key} never reached {selector}; the focus is on {await page.EvaluateAsync<string>("() => document.activeElement.outerHTML.slice(0, 200)")}");
    }

    // The browser's own verdict that the focus should show (:focus-visible), and a ring the eye can see: an outline,
    // a box shadow, or Web Chat's focus indicator element drawn inside the button.
    private static async Task AssertFocusVisibleAsync(IPage page)
    {
        var state = await page.EvaluateAsync<JsonElement>("""
            () => {
              const e = document.activeElement;
              const style = getComputedStyle(e);
              const indicator = e.querySelector('[class*="keyboard-focus-indicator"]');
              const indicatorStyle = indicator ? getComputedStyle(indicator) : null;
              return {
                focusVisible: e.matches(':focus-visible'),
                outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
                shadow: style.boxShadow !== 'none',
                indicator: indicatorStyle !== null && indicatorStyle.display !== 'none' && indicatorStyle.visibility !== 'hidden'
                  && (indicatorStyle.borderStyle !== 'none' || indicatorStyle.outlineStyle !== 'none'),
                html: e.outerHTML.slice(0, 200),
              };
            }
            """);
        Assert.True(state.GetProperty("focusVisible").GetBoolean(), "not :focus-visible: " + state.GetProperty("html").GetString());
        Assert.True(
            state.GetProperty("outline").GetBoolean() || state.GetProperty("shadow").GetBoolean() || state.GetProperty("indicator").GetBoolean(),
            "no visible focus ring on " + state.GetProperty("html").GetString());
    }

    private Task<IBrowserContext> NewContextAsync() => chromium.Browser.NewContextAsync(new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        Locale = "en-US",
    });
}
