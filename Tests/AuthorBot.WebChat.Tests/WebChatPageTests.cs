namespace AuthorBot.WebChat.Tests;

/// <summary>
/// The chat page at / in headless Chromium against the real host: what a reader sees and does, over both transports,
/// across reloads and across a restart of the bot.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class WebChatPageTests(ChromiumFixture chromium)
{
    private const string Welcome = "^Hi! I'm AuthorBot";
    private const string AskName = "What's your name\\?";
    private const string AskEmail = "What's your email address\\?";
    // Web Chat renders the e-mail address as a link, with extra text for screen readers around it.
    private const string AskConsent = "Shall I subscribe .*ada@example\\.com.*to the newsletter\\?";
    private const string Subscribed = "Thanks Ada, you're subscribed\\.";

    [Theory]
    [InlineData(ChatTransport.WebSocket)]
    [InlineData(ChatTransport.Polling)]
    public async Task The_welcome_and_menu_appear_before_the_reader_types(ChatTransport transport)
    {
        using var data = new TempFolder();
        await using var host = await StartHostAsync(data);
        await using var context = await NewReaderAsync();

        var chat = await ChatPage.OpenAsync(context, host.BaseAddress, transport);

        await chat.ExpectBotAsync(Welcome);
        // The menu comes with the welcome: as suggested actions, or as a list when a title is too long for a button.
        var menuEntry = chat.Page.Locator("#webchat").GetByText("Join the newsletter", new LocatorGetByTextOptions { Exact = true }).Filter(new LocatorFilterOptions { Visible = true });
        await Expect(menuEntry).ToHaveCountAsync(1);
        Assert.Equal(0, await chat.UserBubbles.CountAsync());
        AssertTransport(chat, transport);
    }

    [Theory]
    [InlineData(ChatTransport.WebSocket)]
    [InlineData(ChatTransport.Polling)]
    public async Task A_reader_subscribes_to_the_newsletter_by_typing(ChatTransport transport)
    {
        using var data = new TempFolder();
        await using var host = await StartHostAsync(data);
        await using var context = await NewReaderAsync();
        var chat = await ChatPage.OpenAsync(context, host.BaseAddress, transport);
        await chat.ExpectBotAsync(Welcome);

        await chat.SendAsync("subscribe to the newsletter");
        await chat.ExpectBotAsync(AskName);
        await chat.SendAsync("Ada");
        await chat.ExpectBotAsync("Nice to meet you, Ada\\. " + AskEmail);
        await chat.SendAsync("ada@example.com");
        await chat.ExpectBotAsync(AskConsent);
        await chat.SendAsync("yes");
        await chat.ExpectBotAsync(Subscribed);
        AssertTransport(chat, transport);
    }

    [Theory]
    [InlineData(ChatTransport.WebSocket)]
    [InlineData(ChatTransport.Polling)]
    public async Task A_reader_answers_the_newsletter_questions_by_clicking_the_rendered_buttons(ChatTransport transport)
    {
        using var data = new TempFolder();
        await using var host = await StartHostAsync(data);
        await using var context = await NewReaderAsync();
        var chat = await ChatPage.OpenAsync(context, host.BaseAddress, transport);
        await chat.ExpectBotAsync(Welcome);

        await chat.SendAsync("sign me up for the newsletter");
        await chat.ExpectBotAsync(AskName);
        await chat.SendAsync("Ada");
        await chat.SendAsync("ada@example.com");
        await chat.ExpectBotAsync(AskConsent);
        await Expect(chat.SuggestedActions).ToHaveTextAsync(["Yes", "No"]);
        await chat.ClickButtonAsync("Yes");
        await chat.ExpectBotAsync(Subscribed);
        Assert.Equal(1, await chat.CountUserAsync("Yes"));

        await chat.SendAsync("subscribe");
        await chat.ExpectBotAsync("You're already subscribed to the newsletter with .*ada@example\\.com.*Would you like to unsubscribe\\?");
        await chat.ClickButtonAsync("No");
        await chat.ExpectBotAsync("Great, you'll stay subscribed\\.");
        Assert.Equal(1, await chat.CountUserAsync("No"));
    }

    [Theory]
    [InlineData(ChatTransport.WebSocket)]
    [InlineData(ChatTransport.Polling)]
    public async Task A_reload_keeps_the_history_and_the_dialog_and_a_new_visit_is_welcomed_back_by_name(ChatTransport transport)
    {
        using var data = new TempFolder();
        await using var host = await StartHostAsync(data);
        await using var context = await NewReaderAsync();
        var chat = await ChatPage.OpenAsync(context, host.BaseAddress, transport);
        await chat.ExpectBotAsync(Welcome);
        await chat.SendAsync("subscribe");
        await chat.ExpectBotAsync(AskName);
        await chat.SendAsync("Ada");
        await chat.ExpectBotAsync(AskEmail);

        await chat.LoadAsync();

        // The same conversation comes back: every earlier message once, and the dialog still waits for the email.
        await chat.ExpectBotAsync(AskEmail);
        Assert.Equal(1, await chat.CountBotAsync(Welcome));
        Assert.Equal(1, await chat.CountUserAsync("subscribe"));
        Assert.Equal(1, await chat.CountUserAsync("Ada"));
        await chat.SendAsync("ada@example.com");
        await chat.ExpectBotAsync(AskConsent);
        await chat.SendAsync("yes");
        await chat.ExpectBotAsync(Subscribed);

        // A new visit (a new tab: same browser storage, new conversation) is recognized by the stable reader id.
        var visit = await ChatPage.OpenAsync(context, host.BaseAddress, transport);
        await visit.ExpectBotAsync("^Welcome back, Ada!");
        Assert.Equal(0, await visit.CountBotAsync(Welcome));
        Assert.Equal(0, await visit.CountUserAsync("Ada"));
        await visit.SendAsync("subscribe");
        await visit.ExpectBotAsync("You're already subscribed to the newsletter with .*ada@example\\.com");
    }

    [Fact]
    public async Task A_different_browser_is_a_different_reader()
    {
        using var data = new TempFolder();
        await using var host = await StartHostAsync(data);
        await using var first = await NewReaderAsync();
        var chat = await ChatPage.OpenAsync(first, host.BaseAddress, ChatTransport.WebSocket);
        await chat.ExpectBotAsync(Welcome);
        await chat.SendAsync("subscribe");
        await chat.SendAsync("Ada");
        await chat.ExpectBotAsync(AskEmail);

        await using var second = await NewReaderAsync();
        var stranger = await ChatPage.OpenAsync(second, host.BaseAddress, ChatTransport.WebSocket);

        await stranger.ExpectBotAsync(Welcome);
        Assert.Equal(0, await stranger.CountBotAsync("Ada"));
        Assert.Equal(0, await stranger.UserBubbles.CountAsync());
    }

    [Fact]
    public async Task After_a_restart_of_the_bot_the_web_socket_client_reconnects_and_nothing_is_lost()
    {
        using var data = new TempFolder();
        await using var host = await StartHostAsync(data);
        await using var context = await NewReaderAsync();
        var chat = await ChatPage.OpenAsync(context, host.BaseAddress, ChatTransport.WebSocket);
        await chat.ExpectBotAsync(Welcome);
        await chat.SendAsync("subscribe");
        await chat.ExpectBotAsync(AskName);
        await chat.SendAsync("Ada");
        await chat.ExpectBotAsync(AskEmail);

        await host.RestartAsync();

        // Direct Line JS reconnects by itself after a random 3-15 s back-off (GET conversations/{id}, new socket);
        // the send only counts once the new socket has echoed it back.
        var socketsBefore = chat.WebSockets.Count;
        await chat.SendAsync("ada@example.com");
        await chat.ExpectBotAsync(AskConsent);
        Assert.True(chat.WebSockets.Count > socketsBefore, "the page opened a new socket after the restart");
        await chat.SendAsync("yes");
        await chat.ExpectBotAsync(Subscribed);

        await chat.LoadAsync();
        await chat.ExpectBotAsync(Subscribed);
        Assert.Equal(1, await chat.CountBotAsync(Welcome));
        Assert.Equal(1, await chat.CountUserAsync("Ada"));
        Assert.Equal(1, await chat.CountUserAsync("ada@example.com"));
        Assert.Equal(1, await chat.CountBotAsync(AskConsent));
    }

    [Fact]
    public async Task After_a_restart_of_the_bot_a_polling_page_comes_back_by_itself_to_the_same_conversation()
    {
        using var data = new TempFolder();
        await using var host = await StartHostAsync(data);
        await using var context = await NewReaderAsync();
        var chat = await ChatPage.OpenAsync(context, host.BaseAddress, ChatTransport.Polling);
        await chat.ExpectBotAsync(Welcome);
        await chat.SendAsync("subscribe");
        await chat.ExpectBotAsync(AskName);
        await chat.SendAsync("Ada");
        await chat.ExpectBotAsync(AskEmail);

        // The bot is down long enough for a poll to fail, which ends Direct Line's poller for good; the page notices,
        // waits for the bot to answer again and reloads itself. Nobody touches the page meanwhile.
        var pollFailed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        chat.Page.RequestFailed += (_, request) =>
        {
            if (request.Url.Contains("/activities?watermark=", StringComparison.Ordinal))
            {
                pollFailed.TrySetResult();
            }
        };
        await host.StopAsync();
        await pollFailed.Task.WaitAsync(TimeSpan.FromMilliseconds(ChatPage.StepTimeoutMs));
        chat.Page.Load += (_, _) => reloaded.TrySetResult();
        await host.StartAgainAsync();
        await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(60));

        await Expect(chat.SendBox).ToBeEditableAsync();
        await chat.ExpectBotAsync(AskEmail);
        Assert.Equal(1, await chat.CountBotAsync(Welcome));
        Assert.Equal(1, await chat.CountUserAsync("Ada"));
        await chat.SendAsync("ada@example.com");
        await chat.ExpectBotAsync(AskConsent);
        await chat.SendAsync("yes");
        await chat.ExpectBotAsync(Subscribed);
    }

    private static async Task<BotHost> StartHostAsync(TempFolder data) => await BotHost.StartAsync(data.Path);

    private Task<IBrowserContext> NewReaderAsync() => chromium.Browser.NewContextAsync(new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = 480, Height = 800 },
        Locale = "en-US",
    });

    private static void AssertTransport(ChatPage chat, ChatTransport transport)
    {
        if (transport == ChatTransport.WebSocket)
        {
            Assert.Contains(chat.WebSockets, url => url.Contains("/v3/directline/conversations/", StringComparison.Ordinal) && url.Contains("/stream", StringComparison.Ordinal));
            Assert.Empty(chat.Polls);
        }
        else
        {
            Assert.Empty(chat.WebSockets);
            Assert.NotEmpty(chat.Polls);
        }
    }
}
