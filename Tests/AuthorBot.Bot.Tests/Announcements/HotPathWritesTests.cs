using AuthorBot.Bot.Announcements;
using AuthorBot.Bot.Proactive;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Tests.Announcements;

/// <summary>
/// What the reader's request path no longer does itself - write a new conversation's reference, ask the database
/// whether a message is a reply - still happens: the reference is stored and reachable, the reply is credited, also
/// across a restart.
/// </summary>
public sealed class HotPathWritesTests
{
    [Fact]
    public async Task A_reference_queued_by_a_first_message_is_reached_by_an_announcement_made_right_after()
    {
        await using var channel = await AnnouncementChannel.StartAsync();
        await using var host = await AnnouncementHost.StartAsync();
        using (var response = await host.Host.PostActivityAsync(EmulatorMessage("queued-reader", "conv-queued", "hello", channel.ServiceUrl)))
        {
            response.EnsureSuccessStatusCode();
        }

        var id = await host.CreateAsync("""{"text":"Fresh news","audience":{"channel":"emulator"}}""");
        await host.WaitCompletedAsync(id, TimeSpan.FromSeconds(30));

        var delivered = Assert.Single(channel.Deliveries.Values, d => d.IdempotencyKey.Length > 0);
        Assert.Equal("conv-queued", delivered.ConversationId);
        Assert.Equal("Fresh news", delivered.Text);
    }

    [Fact]
    public async Task References_queued_when_the_host_stops_are_stored()
    {
        using var folder = new TempFolder();
        await using var channel = await AnnouncementChannel.StartAsync();
        var database = Path.Combine(folder.Path, "proactive.db");
        const int Readers = 20;
        await using (var host = await AnnouncementHost.StartAsync($"--Proactive:DatabasePath={database}"))
        {
            await Task.WhenAll(Enumerable.Range(0, Readers).Select(async i =>
            {
                using var response = await host.Host.PostActivityAsync(EmulatorMessage("leaving-" + i, "conv-leaving-" + i, "hello", channel.ServiceUrl));
                response.EnsureSuccessStatusCode();
            }));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using var reopened = new ProactiveDatabase(database);
        using var store = new ConversationReferenceStore(reopened);
        var reachable = await store.ListReachableConversationsAsync("emulator", CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, Readers).Select(i => "conv-leaving-" + i).Order(), reachable.Select(r => r.ConversationId).Order());
        var hours = await store.ActivityByHourAsync(reachable.Select(r => r.Reader).ToList(), CancellationToken.None);
        Assert.Equal(Readers, hours.Values.Count(h => h.Sum() == 1));
    }

    [Fact]
    public async Task A_reply_right_after_a_restart_is_credited_to_the_announcement_sent_before_it()
    {
        using var folder = new TempFolder();
        await using var channel = await AnnouncementChannel.StartAsync();
        var database = Path.Combine(folder.Path, "proactive.db");
        string id;
        await using (var before = await AnnouncementHost.StartAsync($"--Proactive:DatabasePath={database}"))
        {
            await before.SeedReadersAsync(2, channel.ServiceUrl);
            id = await before.CreateAsync("""{"text":"New chapter out"}""");
            await before.WaitCompletedAsync(id, TimeSpan.FromSeconds(30));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var after = await AnnouncementHost.StartAsync($"--Proactive:DatabasePath={database}");
        await after.Host.ExpectRepliesAsync("conv-r0", "r0", "loved it");
        await after.Host.ExpectRepliesAsync("conv-stranger", "stranger", "hello");

        var engagement = await after.Host.Services.GetRequiredService<AnnouncementEngagementStore>().GetEngagementAsync(id, CancellationToken.None);
        Assert.Equal(2, engagement.Sum(v => v.Sent));
        Assert.Equal(1, engagement.Sum(v => v.Replied));
    }

    [Fact]
    public async Task A_reply_in_the_same_run_as_the_announcement_is_credited_once()
    {
        await using var channel = await AnnouncementChannel.StartAsync();
        await using var host = await AnnouncementHost.StartAsync();
        await host.SeedReadersAsync(1, channel.ServiceUrl);
        var id = await host.CreateAsync("""{"text":"New chapter out"}""");
        await host.WaitCompletedAsync(id, TimeSpan.FromSeconds(30));

        await host.Host.ExpectRepliesAsync("conv-r0", "r0", "loved it");
        await host.Host.ExpectRepliesAsync("conv-r0", "r0", "really");

        var engagement = await host.Host.Services.GetRequiredService<AnnouncementEngagementStore>().GetEngagementAsync(id, CancellationToken.None);
        Assert.Equal(1, Assert.Single(engagement).Replied);
    }

    [Fact]
    public async Task Recent_deliveries_say_maybe_only_within_the_credit_window_of_a_recorded_send()
    {
        using var database = ProactiveDatabase.InMemory();
        using var recent = new RecentDeliveries(database, TimeProvider.System);
        var reader = new ReaderKey("emulator", "r1");
        var sentAt = DateTimeOffset.UtcNow;

        Assert.False(await recent.MayCreditAsync(reader, sentAt, CancellationToken.None));

        recent.Record(reader, sentAt);
        Assert.True(await recent.MayCreditAsync(reader, sentAt.AddHours(23), CancellationToken.None));
        Assert.False(await recent.MayCreditAsync(reader, sentAt + AnnouncementEngagementStore.CreditWindow + TimeSpan.FromMinutes(1), CancellationToken.None));
        Assert.False(await recent.MayCreditAsync(new ReaderKey("emulator", "r2"), sentAt, CancellationToken.None));
        Assert.False(await recent.MayCreditAsync(new ReaderKey("msteams", "r1"), sentAt, CancellationToken.None));
    }

    private static Activity EmulatorMessage(string userId, string conversationId, string text, string serviceUrl) => new(ActivityTypes.Message)
    {
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = "emulator",
        ServiceUrl = serviceUrl,
        From = new ChannelAccount(userId, "Reader"),
        Recipient = new ChannelAccount("bot", "AuthorBot"),
        Conversation = new ConversationAccount(isGroup: false, id: conversationId),
        Text = text,
        Locale = "en-US",
    };
}
