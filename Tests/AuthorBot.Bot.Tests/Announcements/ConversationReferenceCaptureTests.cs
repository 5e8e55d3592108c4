using System.Text.Json;
using AuthorBot.Bot.Proactive;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Privacy;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Tests.Announcements;

public sealed class ConversationReferenceCaptureTests
{
    [Fact]
    public async Task An_inbound_Teams_message_stores_the_reference_with_the_tenant_from_channel_data()
    {
        await using var host = await AnnouncementHost.StartAsync();
        var activity = TeamsMessage("29:reader", "a:conv-1", "hello");
        using (var response = await host.Host.PostActivityAsync(activity))
        {
            response.EnsureSuccessStatusCode();
        }

        var store = host.Host.Services.GetRequiredService<ConversationReferenceStore>();
        var target = await store.FindAsync(new ReaderKey("msteams", "29:reader"), CancellationToken.None);
        Assert.NotNull(target);
        Assert.Equal("a:conv-1", target.ConversationId);
        Assert.Equal("tenant-42", target.Reference.Conversation!.TenantId);
        Assert.Equal("https://smba.example.com/emea/", target.Reference.ServiceUrl);
        Assert.Equal(ProactiveAdapters.Connector, target.Adapter);
        Assert.Null(target.Reference.ActivityId);
    }

    [Fact]
    public async Task Install_events_capture_and_uninstall_marks_the_conversation_unreachable()
    {
        await using var host = await AnnouncementHost.StartAsync();
        var store = host.Host.Services.GetRequiredService<ConversationReferenceStore>();
        var reader = new ReaderKey("msteams", "29:installer");
        var install = TeamsMessage(reader.UserId, "a:conv-2", null);
        install.Type = ActivityTypes.InstallationUpdate;
        install.Action = "add";
        using (var response = await host.Host.PostActivityAsync(install))
        {
            response.EnsureSuccessStatusCode();
        }

        Assert.NotNull(await store.FindAsync(reader, CancellationToken.None));

        var uninstall = TeamsMessage(reader.UserId, "a:conv-2", null);
        uninstall.Type = ActivityTypes.InstallationUpdate;
        uninstall.Action = "remove";
        using (var response = await host.Host.PostActivityAsync(uninstall))
        {
            response.EnsureSuccessStatusCode();
        }

        Assert.Null(await store.FindAsync(reader, CancellationToken.None));
    }

    [Fact]
    public async Task Active_hours_are_learned_from_messages_but_not_from_proactive_turns()
    {
        await using var channel = await AnnouncementChannel.StartAsync();
        await using var host = await AnnouncementHost.StartAsync();
        var store = host.Host.Services.GetRequiredService<ConversationReferenceStore>();
        var reader = new ReaderKey("emulator", "u-active");
        await host.Host.ExpectRepliesAsync("conv-u-active", reader.UserId, "hi");
        await host.Host.ExpectRepliesAsync("conv-u-active", reader.UserId, "hi again");
        var hours = await store.ActivityByHourAsync([reader], CancellationToken.None);
        Assert.Equal(1, hours[reader].Sum());

        // The proactive send (a ContinueConversation turn) leaves the learned hours alone.
        await host.SeedReadersAsync(1, channel.ServiceUrl, prefix: "quiet-");
        var id = await host.CreateAsync("""{"text":"ping","audience":{"channel":"emulator"}}""");
        await host.WaitCompletedAsync(id, TimeSpan.FromSeconds(30));
        var after = await store.ActivityByHourAsync([reader, new ReaderKey("emulator", "quiet-0")], CancellationToken.None);
        Assert.Equal(1, after[reader].Sum());
        Assert.False(after.ContainsKey(new ReaderKey("emulator", "quiet-0")));
    }

    [Fact]
    public async Task Export_and_delete_reach_references_and_deliveries()
    {
        await using var channel = await AnnouncementChannel.StartAsync();
        await using var host = await AnnouncementHost.StartAsync();
        var readers = await host.SeedReadersAsync(2, channel.ServiceUrl);
        var id = await host.CreateAsync("""{"text":"Read https://example.com"}""");
        await host.WaitCompletedAsync(id, TimeSpan.FromSeconds(30));
        var stores = host.Host.Services.GetServices<IReaderDataStore>().ToList();
        var mine = stores.Where(s => s.Name is "conversation references" or "announcements sent to you").ToList();
        Assert.Equal(2, mine.Count);

        foreach (var store in mine)
        {
            var exported = await store.ExportAsync(readers[0], CancellationToken.None);
            Assert.NotNull(exported);
            var json = exported.ToJsonString();
            Assert.True(json.Contains("conv-r0", StringComparison.Ordinal) || json.Contains(id, StringComparison.Ordinal), json);
            await store.EraseAsync(readers[0], CancellationToken.None);
            await store.EraseAsync(readers[0], CancellationToken.None);
            Assert.Null(await store.ExportAsync(readers[0], CancellationToken.None));
            Assert.NotNull(await store.ExportAsync(readers[1], CancellationToken.None));
        }

        // Nothing about the erased reader remains in any table of the database.
        var database = host.Host.Services.GetRequiredService<ProactiveDatabase>();
        var remaining = await database.ReadAsync(
            async connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = """
                    SELECT (SELECT COUNT(*) FROM conversation_references WHERE user_id = 'r0')
                         + (SELECT COUNT(*) FROM reader_activity WHERE user_id = 'r0')
                         + (SELECT COUNT(*) FROM deliveries WHERE user_id = 'r0')
                         + (SELECT COUNT(*) FROM links WHERE delivery_id NOT IN (SELECT id FROM deliveries));
                    """;
                return (long)(await command.ExecuteScalarAsync())!;
            },
            CancellationToken.None);
        Assert.Equal(0, remaining);
    }

    private static Activity TeamsMessage(string userId, string conversationId, string? text) => new(ActivityTypes.Message)
    {
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = "msteams",
        ServiceUrl = "https://smba.example.com/emea/",
        From = new ChannelAccount(userId, "Reader"),
        Recipient = new ChannelAccount("28:bot", "AuthorBot"),
        Conversation = new ConversationAccount(isGroup: false, conversationType: "personal", id: conversationId),
        ChannelData = JsonDocument.Parse("""{"tenant":{"id":"tenant-42"}}""").RootElement.Clone(),
        Text = text,
        Locale = "en-US",
        DeliveryMode = DeliveryModes.ExpectReplies,
    };
}
