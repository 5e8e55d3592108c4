using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AuthorBot.Bot.Proactive;
using Xunit.Abstractions;

namespace AuthorBot.Bot.Tests.Announcements;

public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private const int Readers = 2000;

    [Fact]
    public async Task After_SIGKILL_mid_announcement_and_a_restart_every_reader_has_exactly_one_message()
    {
        using var folder = new TempFolder();
        await using var channel = await AnnouncementChannel.StartAsync();
        var database = Path.Combine(folder.Path, "proactive.db");
        using (var seeding = new ProactiveDatabase(database))
        {
            await AnnouncementHost.SeedReadersAsync(new ConversationReferenceStore(seeding), Readers, channel.ServiceUrl);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        string[] settings =
        [
            $"--Storage:Sqlite:Path={Path.Combine(folder.Path, "state.db")}",
            $"--Proactive:DatabasePath={database}",
            $"--Announcements:ApiKey={AnnouncementHost.ApiKey}",
            "--Announcements:MaxPerSecond=400",
            "--BotFramework:Connector:PerConversationBurst=0",
            "--Logging:LogLevel:Default=Warning",
        ];
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AnnouncementHost.ApiKey);

        var port = BotProcess.FreePort();
        string id;
        int deliveredAtKill;
        using (var first = BotProcess.Start(folder.Path, port, settings))
        {
            await first.WaitHealthyAsync(client, TimeSpan.FromSeconds(60));
            using var created = await client.PostAsync(
                new Uri(first.BaseAddress, "/api/announcements"),
                new StringContent("""{"name":"Crash test","text":"Hello {name}, the book is out"}""", Encoding.UTF8, "application/json"));
            var body = await created.Content.ReadAsStringAsync();
            Assert.True(created.IsSuccessStatusCode, body);
            id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;

            Assert.True(await AnnouncementChannel.WaitForAsync(() => channel.Deliveries.Count >= Readers / 4, TimeSpan.FromSeconds(60)), "Sending never started: " + first.RecentOutput);
            first.KillHard();
            deliveredAtKill = channel.Deliveries.Count;
        }

        Assert.True(deliveredAtKill < Readers, $"The process finished all {Readers} before it was killed; the test proved nothing.");
        using var second = BotProcess.Start(folder.Path, port, settings);
        await second.WaitHealthyAsync(client, TimeSpan.FromSeconds(60));
        JsonElement progress;
        var deadline = DateTime.UtcNow.AddSeconds(90);
        do
        {
            await Task.Delay(200);
            using var response = await client.GetAsync(new Uri(second.BaseAddress, "/api/announcements/" + id));
            progress = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            Assert.True(DateTime.UtcNow < deadline, "Did not finish after the restart: " + progress.GetRawText() + "\n" + second.RecentOutput);
        }
        while (progress.GetProperty("pending").GetInt32() + progress.GetProperty("sending").GetInt32() > 0);

        Assert.Equal(Readers, progress.GetProperty("sent").GetInt32());
        Assert.Equal(0, progress.GetProperty("failed").GetInt32());

        // Every reader's conversation holds exactly one announcement (one idempotency key) ...
        var perConversation = channel.Deliveries.Values.GroupBy(d => d.ConversationId).ToList();
        Assert.Equal(Readers, perConversation.Count);
        Assert.All(perConversation, g => Assert.Single(g));
        Assert.Equal(
            Enumerable.Range(0, Readers).Select(i => "conv-r" + i).Order(StringComparer.Ordinal),
            perConversation.Select(g => g.Key).Order(StringComparer.Ordinal));

        // ... and any repeat on the wire is the same message again (same key), sent because the crash hid its outcome.
        var repeats = channel.Posts.GroupBy(p => p.ConversationId).Where(g => g.Count() > 1).ToList();
        Assert.All(repeats, g => Assert.Single(g.Select(p => p.IdempotencyKey).Distinct()));
        output.WriteLine($"Delivered before SIGKILL: {deliveredAtKill}; wire posts: {channel.PostCount}; readers with a resent copy (same key): {repeats.Count}.");
    }
}
