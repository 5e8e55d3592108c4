using AuthorBot.Bot.Proactive;
using AuthorBot.Bot.Tests.Announcements;
using AuthorBot.Bot.Tests.EndToEnd;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Tests.Reliability;

/// <summary>Where the running host's Connector calls may go: announcements, replies and what is kept for later.</summary>
public sealed class OutboundRequestTests
{
    [Fact]
    public async Task An_announcement_sends_nothing_to_metadata_private_or_unique_local_service_urls_nor_follows_a_redirect()
    {
        await using var redirecting = await FakeChannel.StartAsync();
        await using var sink = await FakeChannel.StartAsync();
        redirecting.RedirectTo = sink.ServiceUrl + "/v3/conversations/stolen/activities";
        await using var host = await AnnouncementHost.StartAsync();
        string[] urls = ["http://169.254.169.254/", "http://2852039166/latest/", "http://10.0.0.1/", "http://[fd00::1]/", "http://metadata.google.internal/", redirecting.ServiceUrl];
        for (var i = 0; i < urls.Length; i++)
        {
            await host.SeedReadersAsync(1, urls[i], prefix: $"u{i}-");
        }

        var id = await host.CreateAsync("""{"text":"Hello {name}"}""");
        var progress = await host.WaitCompletedAsync(id, TimeSpan.FromSeconds(30));

        Assert.Equal(urls.Length, progress.GetProperty("failed").GetInt32());
        Assert.Equal(0, progress.GetProperty("sent").GetInt32());
        Assert.Single(redirecting.Calls);
        Assert.Empty(sink.Calls);
    }

    [Fact]
    public async Task A_service_url_from_an_expect_replies_turn_is_never_used_for_a_later_announcement()
    {
        await using var chatted = await FakeChannel.StartAsync();
        await using var pointed = await FakeChannel.StartAsync();
        await using var host = await AnnouncementHost.StartAsync();
        var reader = new ReaderKey("emulator", "reader-x");

        // A normal turn: the channel the reader chats on is stored.
        Assert.NotEmpty(await chatted.SayAsync(host.Host, "conv-x", reader.UserId, "hi"));

        // Then an expectReplies turn in the same conversation naming another service URL: it is answered in the HTTP
        // response and sends nothing there, so that URL must not replace the stored one.
        var later = RunningHost.NewMessage("conv-x", reader.UserId, "menu", pointed.ServiceUrl);
        later.DeliveryMode = DeliveryModes.ExpectReplies;
        using (var response = await host.Host.PostActivityAsync(later))
        {
            response.EnsureSuccessStatusCode();
        }

        // And a reader who only ever spoke with expectReplies has no reference at all.
        var only = RunningHost.NewMessage("conv-y", "reader-y", "hi", pointed.ServiceUrl);
        only.DeliveryMode = DeliveryModes.ExpectReplies;
        using (var response = await host.Host.PostActivityAsync(only))
        {
            response.EnsureSuccessStatusCode();
        }

        var store = host.Host.Services.GetRequiredService<ConversationReferenceStore>();
        Assert.Equal(chatted.ServiceUrl, (await store.FindAsync(reader, CancellationToken.None))!.Reference.ServiceUrl);
        Assert.Null(await store.FindAsync(new ReaderKey("emulator", "reader-y"), CancellationToken.None));

        var before = chatted.Calls.Count;
        var id = await host.CreateAsync("""{"text":"Launch day!"}""");
        var progress = await host.WaitCompletedAsync(id, TimeSpan.FromSeconds(30));

        Assert.Equal(1, progress.GetProperty("sent").GetInt32());
        Assert.Empty(pointed.Calls);
        Assert.Equal(before + 1, chatted.Calls.Count);
    }

    [Fact]
    public async Task In_anonymous_mode_a_message_naming_a_remote_service_url_is_neither_answered_there_nor_kept()
    {
        await using var host = await AnnouncementHost.StartAsync();
        var message = RunningHost.NewMessage("conv-remote", "reader-remote", "hi", "https://smba.example.com/emea/");

        using var response = await host.Host.PostActivityAsync(message);

        response.EnsureSuccessStatusCode();
        Assert.Null(await host.Host.Services.GetRequiredService<ConversationReferenceStore>().FindAsync(new ReaderKey("emulator", "reader-remote"), CancellationToken.None));
    }
}
