using AuthorBot.BotFramework.DirectLine;
using AuthorBot.BotFramework.Schema;
using AuthorBot.BotFramework.State;
using Microsoft.Extensions.DependencyInjection;

namespace AuthorBot.BotFramework.Tests.DirectLine;

public sealed class DirectLineRestartTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dl-restart-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Log_survives_a_restart_on_the_same_sqlite_file_and_keeps_numbering()
    {
        Directory.CreateDirectory(_folder);
        var database = Path.Combine(_folder, "bot.db");
        string conversationId, token, watermark;

        using (var storage = new SqliteStorage(database))
        {
            await using var server = await DirectLineTestServer.StartAsync(storage);
            (conversationId, token, _) = await server.StartConversationAsync();
            for (var i = 0; i < 40; i++)
            {
                await server.PostMessageAsync(conversationId, token, "before " + i, "b" + i);
            }

            watermark = (await server.GetActivitiesAsync(conversationId, token)).GetProperty("watermark").GetString()!;
        }

        using (var storage = new SqliteStorage(database))
        {
            await using var server = await DirectLineTestServer.StartAsync(storage);

            var all = DirectLineTestServer.Activities(await server.GetActivitiesAsync(conversationId, token));
            Assert.Equal(81, all.Length);
            Assert.Equal("Welcome, dl_reader!", all[0].GetProperty("text").GetString());
            Assert.Equal("echo: before 39", all[^1].GetProperty("text").GetString());

            var posted = await server.PostMessageAsync(conversationId, token, "after", "a1");
            var after = await server.GetActivitiesAsync(conversationId, token, watermark);
            var fresh = DirectLineTestServer.Activities(after);
            Assert.Equal(["after", "echo: after"], fresh.Select(a => a.GetProperty("text").GetString()));
            Assert.Equal(posted.GetProperty("id").GetString(), fresh[0].GetProperty("id").GetString());
            Assert.Equal(conversationId + "|0000082", fresh[0].GetProperty("id").GetString());
            Assert.True(fresh[0].GetProperty("timestamp").GetDateTimeOffset() > all[^1].GetProperty("timestamp").GetDateTimeOffset());
        }
    }

    [Fact]
    public async Task Retention_and_proactive_messages_are_what_a_restarted_server_sees()
    {
        Directory.CreateDirectory(_folder);
        var database = Path.Combine(_folder, "bot.db");
        string conversationId, token;

        using (var storage = new SqliteStorage(database))
        {
            await using var server = await DirectLineTestServer.StartAsync(storage, o => o.MaxActivitiesPerConversation = 40);
            (conversationId, token, _) = await server.StartConversationAsync();
            for (var i = 0; i < 30; i++)
            {
                await server.PostMessageAsync(conversationId, token, "m" + i, "c" + i);
            }

            // A proactive message (no client request around it) is saved by the adapter itself.
            var adapter = server.Services.GetRequiredService<DirectLineAdapter>();
            var reference = new ConversationReference
            {
                ChannelId = Channels.Directline,
                Conversation = new ConversationAccount(id: conversationId),
                User = new ChannelAccount("dl_reader"),
                Bot = adapter.BotAccount,
            };
            await adapter.ContinueConversationAsync(reference, (turn, ct) => turn.SendActivityAsync("news for you", cancellationToken: ct), CancellationToken.None);
        }

        using (var storage = new SqliteStorage(database))
        {
            await using var server = await DirectLineTestServer.StartAsync(storage, o => o.MaxActivitiesPerConversation = 40);

            var texts = DirectLineTestServer.Activities(await server.GetActivitiesAsync(conversationId, token)).Select(a => a.GetProperty("text").GetString()).ToArray();
            Assert.Equal(40, texts.Length);
            Assert.Equal("echo: m10", texts[0]);  // 62 activities (welcome, 30 x echo+reply, news): the oldest 22 are gone
            Assert.Equal("news for you", texts[^1]);
        }
    }

    [Fact]
    public async Task A_bot_activity_sent_again_with_an_id_already_in_the_log_is_dropped_even_after_a_restart()
    {
        Directory.CreateDirectory(_folder);
        var database = Path.Combine(_folder, "bot.db");
        string conversationId, token;
        ConversationReference reference;

        // An announcement whose send succeeded, then the crash hid the outcome: after the restart it is sent again with
        // the same id (its idempotency key).
        async Task AnnounceAsync(DirectLineTestServer server, string id)
        {
            var adapter = server.Services.GetRequiredService<DirectLineAdapter>();
            await adapter.ContinueConversationAsync(
                reference,
                (turn, ct) => turn.SendActivityAsync(new Activity(ActivityTypes.Message) { Id = id, Text = "Launch day!" }, ct),
                CancellationToken.None);
        }

        using (var storage = new SqliteStorage(database))
        {
            await using var server = await DirectLineTestServer.StartAsync(storage);
            (conversationId, token, _) = await server.StartConversationAsync();
            reference = new ConversationReference
            {
                ChannelId = Channels.Directline,
                Conversation = new ConversationAccount(id: conversationId),
                User = new ChannelAccount("dl_reader"),
                Bot = server.Services.GetRequiredService<DirectLineAdapter>().BotAccount,
            };
            await AnnounceAsync(server, "ann_1-r0");
            await AnnounceAsync(server, "ann_1-r0");
        }

        using (var storage = new SqliteStorage(database))
        {
            await using var server = await DirectLineTestServer.StartAsync(storage);
            await AnnounceAsync(server, "ann_1-r0");
            await AnnounceAsync(server, "ann_2-r0");

            var texts = DirectLineTestServer.Activities(await server.GetActivitiesAsync(conversationId, token)).Select(a => a.GetProperty("text").GetString()).ToArray();
            Assert.Equal(2, texts.Count(t => t == "Launch day!"));
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
