using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace AuthorBot.WebChat.Tests;

/// <summary>
/// The chat page at / as a reader sees it: the Web Chat transcript, its send box and its buttons. Every wait is one
/// of Playwright's auto-waiting expectations with an explicit bound; nothing sleeps.
/// </summary>
internal sealed class ChatPage
{
    /// <summary>Bound for one bot answer or one render; generous because the machine is shared and the bundle is 3.9 MB.</summary>
    public const float StepTimeoutMs = 20_000;

    private readonly Uri _address;
    private readonly ConcurrentQueue<string> _webSockets = new();
    private readonly ConcurrentQueue<string> _polls = new();

    private ChatPage(IPage page, Uri address)
    {
        Page = page;
        _address = address;
        page.SetDefaultTimeout(StepTimeoutMs);
        page.WebSocket += (_, socket) => _webSockets.Enqueue(socket.Url);
        page.Request += (_, request) =>
        {
            if (request.Method == "GET" && request.Url.Contains("/activities?watermark=", StringComparison.Ordinal))
            {
                _polls.Enqueue(request.Url);
            }
        };
    }

    public IPage Page { get; }

    /// <summary>URLs of the WebSockets the page opened.</summary>
    public IReadOnlyCollection<string> WebSockets => _webSockets;

    /// <summary>URLs of the activity polls the page made.</summary>
    public IReadOnlyCollection<string> Polls => _polls;

    public ILocator SendBox => Page.Locator("[data-id=\"webchat-sendbox-input\"]");

    /// <summary>The bot's message bubbles, cards included.</summary>
    public ILocator BotBubbles => Page.Locator("#webchat .webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content");

    /// <summary>The reader's own message bubbles.</summary>
    public ILocator UserBubbles => Page.Locator("#webchat .webchat__bubble--from-user .webchat__bubble__content");

    public static async Task<ChatPage> OpenAsync(IBrowserContext context, Uri host, ChatTransport transport)
    {
        var address = transport == ChatTransport.Polling ? new Uri(host, "/?transport=polling") : host;
        var page = new ChatPage(await context.NewPageAsync(), address);
        await page.LoadAsync();
        return page;
    }

    /// <summary>Loads (or reloads) the page and waits until the send box is usable.</summary>
    public async Task LoadAsync()
    {
        await Page.GotoAsync(_address.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = StepTimeoutMs });
        await Expect(SendBox).ToBeEditableAsync(new LocatorAssertionsToBeEditableOptions { Timeout = StepTimeoutMs });
    }

    /// <summary>Types a message key by key and presses Enter, like a reader; waits until Web Chat shows it as sent.</summary>
    public async Task SendAsync(string text)
    {
        var before = await UserBubbles.Filter(new LocatorFilterOptions { HasText = text }).CountAsync();
        await SendBox.ClickAsync();
        await SendBox.PressSequentiallyAsync(text);
        await SendBox.PressAsync("Enter");
        await Expect(UserBubbles.Filter(new LocatorFilterOptions { HasText = text })).ToHaveCountAsync(before + 1, new LocatorAssertionsToHaveCountOptions { Timeout = StepTimeoutMs });
        await ExpectDeliveredAsync();
    }

    /// <summary>The buttons of the suggested actions shown under the transcript.</summary>
    public ILocator SuggestedActions => Page.Locator("#webchat .webchat__suggested-actions__button");

    /// <summary>Clicks a suggested action if one matches, else the newest matching button in a card in the transcript.</summary>
    public async Task ClickButtonAsync(string name)
    {
        var pattern = new Regex("^" + Regex.Escape(name) + "$", RegexOptions.IgnoreCase);
        var suggested = SuggestedActions.Filter(new LocatorFilterOptions { HasTextRegex = pattern });
        var inCards = Page.Locator("#webchat .webchat__basic-transcript__activity").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { NameRegex = pattern });
        var button = suggested.Or(inCards).Last;
        await Expect(button).ToBeEnabledAsync(new LocatorAssertionsToBeEnabledOptions { Timeout = StepTimeoutMs });
        await button.ClickAsync(new LocatorClickOptions { Timeout = StepTimeoutMs });
        await ExpectDeliveredAsync();
    }

    /// <summary>Waits until a bot bubble matching the pattern is shown; returns it.</summary>
    public async Task<ILocator> ExpectBotAsync(string pattern)
    {
        var bubble = BotBubbles.Filter(new LocatorFilterOptions { HasTextRegex = Rendered(pattern) }).Last;
        await Expect(bubble).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = StepTimeoutMs });
        return bubble;
    }

    /// <summary>How many bot bubbles match the pattern right now.</summary>
    public Task<int> CountBotAsync(string pattern) => BotBubbles.Filter(new LocatorFilterOptions { HasTextRegex = Rendered(pattern) }).CountAsync();

    /// <summary>How many of the reader's bubbles say exactly this right now.</summary>
    public Task<int> CountUserAsync(string text) => UserBubbles.Filter(new LocatorFilterOptions { HasTextRegex = new Regex("^" + Regex.Escape(text) + "$") }).CountAsync();

    // Web Chat renders bot text as Markdown with typographic quotes: "I'm" is shown as "I’m".
    private static Regex Rendered(string pattern) => new(pattern.Replace("'", "['’]", StringComparison.Ordinal).Replace("\"", "[\"“”]", StringComparison.Ordinal));

    // Web Chat marks a message sent only after the server echoed it back through the stream (the POST alone is not
    // enough); until then its status reads "Sending", and after 20 s "Send failed".
    private async Task ExpectDeliveredAsync()
    {
        var pending = Page.Locator("#webchat .webchat__activity-status").Filter(new LocatorFilterOptions { HasTextRegex = new Regex("Sending|Send failed", RegexOptions.IgnoreCase) });
        await Expect(pending).ToHaveCountAsync(0, new LocatorAssertionsToHaveCountOptions { Timeout = StepTimeoutMs });
    }
}
