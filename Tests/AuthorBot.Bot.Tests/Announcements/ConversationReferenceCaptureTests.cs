using System.Data.Common;
using System.Net;
using System.Text.Json;
using AuthorBot.Bot.Proactive;
using AuthorBot.Bot.Tests.EndToEnd;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Privacy;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Tests.Announcements;

public sealed class ConversationReferenceCaptureTests
{
    [Fact]
    public async Task An_inbound_Teams_message_stores_the_reference_with_the_tenant_from_channel_data()
    {
        await using var channel = await FakeChannel.StartAsync();
        await using var host = await AnnouncementHost.StartAsync();
        var activity = TeamsMessage("29:reader", "a:conv-1", "hello", channel.ServiceUrl);
        using (var response = await host.Host.PostActivityAsync(activity))
        {
            response.EnsureSuccessStatusCode();
        }

        var store = host.Host.Services.GetRequiredService<ConversationReferenceStore>();
        var target = await store.FindAsync(new ReaderKey("msteams", "29:reader"), CancellationToken.None);
        Assert.NotNull(target);
        Assert.Equal("a:conv-1", target.ConversationId);
        Assert.Equal("tenant-42", target.Reference.Conversation!.TenantId);
        Assert.Equal(channel.ServiceUrl, target.Reference.ServiceUrl);
        Assert.Equal(ProactiveAdapters.Connector, target.Adapter);
        Assert.Null(target.Reference.ActivityId);
    }

    [Fact]
    public async Task Install_events_capture_and_uninstall_removes_the_reference()
    {
        await using var channel = await FakeChannel.StartAsync();
        await using var host = await AnnouncementHost.StartAsync();
        var store = host.Host.Services.GetRequiredService<ConversationReferenceStore>();
        var reader = new ReaderKey("msteams", "29:installer");
        var install = TeamsMessage(reader.UserId, "a:conv-2", null, channel.ServiceUrl);
        install.Type = ActivityTypes.InstallationUpdate;
        install.Action = "add";
        using (var response = await host.Host.PostActivityAsync(install))
        {
            response.EnsureSuccessStatusCode();
        }

        Assert.NotNull(await store.FindAsync(reader, CancellationToken.None));

        var uninstall = TeamsMessage(reader.UserId, "a:conv-2", null, channel.ServiceUrl);
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
    public async Task Export_and_delete_reach_references_deliveries_clicks_replies_and_rsvps()
    {
        await using var channel = await AnnouncementChannel.StartAsync();
        await using var host = await AnnouncementHost.StartAsync();
        var readers = await host.SeedReadersAsync(2, channel.ServiceUrl);
        var id = await host.CreateAsync("""{"text":"Read https://example.com"}""");
        await host.WaitCompletedAsync(id, TimeSpan.FromSeconds(30));

        // r0 clicks, replies and RSVPs, so every engagement table holds a row about them.
        var link = channel.Deliveries.Values.Single(d => d.ConversationId == "conv-r0").Text!.Split(' ')[1];
        using (var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }))
        using (var click = await browser.GetAsync(new Uri(link)))
        {
            Assert.Equal(HttpStatusCode.Redirect, click.StatusCode);
        }

        await host.Host.ExpectRepliesAsync("conv-r0", "r0", "events");
        await host.Host.ExpectRepliesAsync("conv-r0", "r0", "webinar");
        Assert.Contains("You're in!", await host.Host.ExpectRepliesAsync("conv-r0", "r0", "rsvp"), StringComparison.Ordinal);
        var database = host.Host.Services.GetRequiredService<ProactiveDatabase>();
        var engagement = await RowsAboutDeliveriesAsync(database);
        Assert.Equal(["clicks", "links", "replies", "rsvps"], engagement.Where(t => t.Value > 0).Select(t => t.Key).Order());

        var stores = host.Host.Services.GetServices<IReaderDataStore>().ToList();
        var mine = stores.Where(s => s.Name is "conversation references" or "announcements sent to you").ToList();
        Assert.Equal(2, mine.Count);

        foreach (var store in mine)
        {
            var exported = await store.ExportAsync(readers[0], CancellationToken.None);
            Assert.NotNull(exported);
            var json = exported.ToJsonString();
            Assert.True(json.Contains("conv-r0", StringComparison.Ordinal) || json.Contains(id, StringComparison.Ordinal), json);
            if (store.Name == "announcements sent to you")
            {
                var delivery = exported["deliveries"]![0]!;
                Assert.Equal(1, (int)delivery["linkClicks"]!);
                Assert.NotNull(delivery["repliedAt"]);
                Assert.Equal("worldbuilding-webinar", (string?)delivery["rsvpEventId"]);
                Assert.NotNull(delivery["rsvpedAt"]);
            }

            await store.EraseAsync(readers[0], CancellationToken.None);
            await store.EraseAsync(readers[0], CancellationToken.None);
            Assert.Null(await store.ExportAsync(readers[0], CancellationToken.None));
            Assert.NotNull(await store.ExportAsync(readers[1], CancellationToken.None));
        }

        // "Delete my data" erases every registered store (the RSVP brought scheduled reminders too). Then nothing about
        // the reader remains in any table of the database: no row names them, and no row points at a delivery that is
        // gone (tables added later are covered without changing this test).
        foreach (var store in stores)
        {
            await store.EraseAsync(readers[0], CancellationToken.None);
        }

        var aboutReader = await database.ReadAsync(
            async connection =>
            {
                var counts = new Dictionary<string, long>();
                foreach (var table in await TablesWithColumnAsync(connection, "user_id"))
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = $"SELECT COUNT(*) FROM {table} WHERE user_id = 'r0';";
                    counts[table] = (long)(await command.ExecuteScalarAsync())!;
                }

                return counts;
            },
            CancellationToken.None);
        Assert.Contains("deliveries", aboutReader.Keys);
        Assert.All(aboutReader, t => Assert.True(t.Value == 0, $"{t.Key} still has {t.Value} row(s) naming r0"));
        Assert.All(await RowsAboutDeliveriesAsync(database), t => Assert.True(t.Value == 0, $"{t.Key} still has {t.Value} row(s) of r0's delivery"));
    }

    /// <summary>Per table with a delivery_id column: rows pointing at r0's deliveries or at deliveries that no longer exist.</summary>
    private static Task<Dictionary<string, long>> RowsAboutDeliveriesAsync(ProactiveDatabase database) =>
        database.ReadAsync(
            async connection =>
            {
                var counts = new Dictionary<string, long>();
                foreach (var table in await TablesWithColumnAsync(connection, "delivery_id"))
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = $"""
                        SELECT COUNT(*) FROM {table}
                        WHERE delivery_id NOT IN (SELECT id FROM deliveries)
                           OR delivery_id IN (SELECT id FROM deliveries WHERE user_id = 'r0');
                        """;
                    counts[table] = (long)(await command.ExecuteScalarAsync())!;
                }

                return counts;
            },
            CancellationToken.None);

    private static async Task<List<string>> TablesWithColumnAsync(DbConnection connection, string column)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) c WHERE m.type = 'table' AND c.name = $column ORDER BY m.name;";
        command.Parameters.AddWithValue("$column", column);
        var tables = new List<string>();
        using var rows = await command.ExecuteReaderAsync();
        while (await rows.ReadAsync())
        {
            tables.Add(rows.GetString(0));
        }

        return tables;
    }

    // The loopback channel's URL: in anonymous mode only a loopback service URL is stored for proactive messages.
    private static Activity TeamsMessage(string userId, string conversationId, string? text, string serviceUrl) => new(ActivityTypes.Message)
    {
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = "msteams",
        ServiceUrl = serviceUrl,
        From = new ChannelAccount(userId, "Reader"),
        Recipient = new ChannelAccount("28:bot", "AuthorBot"),
        Conversation = new ConversationAccount(isGroup: false, conversationType: "personal", id: conversationId),
        ChannelData = JsonDocument.Parse("""{"tenant":{"id":"tenant-42"}}""").RootElement.Clone(),
        Text = text,
        Locale = "en-US",
    };
}
