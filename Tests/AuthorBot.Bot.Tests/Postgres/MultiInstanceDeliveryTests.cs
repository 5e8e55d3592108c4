using System.Globalization;
using AuthorBot.Bot.Announcements;
using AuthorBot.Bot.Proactive;
using AuthorBot.Bot.Tests.Announcements;
using AuthorBot.Dialogs.Privacy;
using AuthorBot.Dialogs.Reminders;
using Npgsql;
using Xunit.Abstractions;

namespace AuthorBot.Bot.Tests.Postgres;

/// <summary>
/// Three instances on one PostgreSQL share the proactive queues: an announcement's deliveries are claimed by all of
/// them and sent once each, a dead instance's leases lapse and its deliveries move on, and reminders and RSVPs made
/// through one instance count on the others.
/// </summary>
[Collection(PostgresTests.Name)]
public sealed class MultiInstanceDeliveryTests(PostgresServer server, ITestOutputHelper output)
{
    private const int Instances = 3;
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_announcement_to_three_hundred_readers_is_sent_once_each_with_every_instance_sending_part()
    {
        const int Readers = 300;
        using var folder = new TempFolder();
        var connectionString = await server.CreateDatabaseAsync(maxPoolSize: 30);
        await using var channel = await AnnouncementChannel.StartAsync();
        var hosts = await StartHostsAsync(connectionString, folder.Path, Instances);
        try
        {
            await hosts[0].SeedReadersAsync(Readers, channel.ServiceUrl);
            var started = DateTime.UtcNow;
            var id = await hosts[1].CreateAsync("""{"text":"The new book is out: {name}"}""");
            var progress = await hosts[2].WaitCompletedAsync(id, _timeout);
            var seconds = (DateTime.UtcNow - started).TotalSeconds;

            Assert.Equal(Readers, progress.GetProperty("sent").GetInt32());
            Assert.Equal(Readers, channel.Deliveries.Count);
            Assert.Equal(Readers, channel.PostCount);
            Assert.All(channel.Posts.GroupBy(p => p.IdempotencyKey), key => Assert.Single(key));

            var perInstance = await SentPerOwnerAsync(connectionString, id);
            var counts = hosts.Select(h => perInstance.GetValueOrDefault(h.Host.Services.GetRequiredService<AnnouncementStore>().Owner)).ToArray();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Readers} deliveries on {Instances} instances in {seconds:F1} s; sent per instance: {string.Join(", ", counts)}"));
            Assert.Equal(Readers, counts.Sum());
            Assert.All(counts, count => Assert.True(count > 0, "An instance sent nothing: " + string.Join(", ", counts)));
        }
        finally
        {
            await DisposeAllAsync(hosts);
        }
    }

    [Fact]
    public async Task Deliveries_claimed_by_an_instance_that_died_are_sent_once_by_the_others_after_its_lease_lapses()
    {
        const int Readers = 120;
        using var folder = new TempFolder();
        var connectionString = await server.CreateDatabaseAsync(maxPoolSize: 30);
        await using var channel = await AnnouncementChannel.StartAsync();
        var hosts = await StartHostsAsync(connectionString, folder.Path, 2);
        try
        {
            await hosts[0].SeedReadersAsync(Readers, channel.ServiceUrl);
            var at = DateTimeOffset.UtcNow.AddSeconds(2);
            var id = await hosts[0].CreateAsync("{\"text\":\"Soon\",\"schedule\":{\"kind\":\"at\",\"at\":\"" + at.ToString("O", CultureInfo.InvariantCulture) + "\"}}");

            // The dead instance runs the hosts' own store code: it claims every delivery (as if their time had come),
            // marks half of them sending as it would just before posting them, and is never heard of again.
            long leaseEnds;
            string deadOwner;
            await using (var dataSource = NpgsqlDataSource.Create(connectionString))
            using (var database = ProactiveDatabase.OnPostgres(dataSource, TimeSpan.FromSeconds(5), TimeProvider.System))
            {
                var dead = new AnnouncementStore(database);
                deadOwner = dead.Owner;
                var claimed = await dead.ListDueAsync(at, 1000, CancellationToken.None);
                Assert.Equal(Readers, claimed.Count);
                var sending = await dead.BeginSendingAsync([], [], [.. claimed.Take(Readers / 2).Select(d => d.Id)], [], CancellationToken.None);
                Assert.Equal(Readers / 2, sending.Count);
                leaseEnds = (long)(await ScalarAsync(connectionString, "SELECT MIN(lease_until) FROM deliveries"))!;
            }

            var progress = await hosts[1].WaitCompletedAsync(id, _timeout);
            var firstPost = channel.Posts.Min(p => p.At);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Leases lapsed at {DateTimeOffset.FromUnixTimeMilliseconds(leaseEnds):HH:mm:ss.fff}; first post at {firstPost:HH:mm:ss.fff}; posts {channel.PostCount} for {Readers} readers"));

            Assert.Equal(Readers, progress.GetProperty("sent").GetInt32());
            Assert.Equal(Readers, channel.PostCount);
            Assert.All(channel.Posts.GroupBy(p => p.IdempotencyKey), key => Assert.Single(key));
            Assert.True(firstPost >= DateTimeOffset.FromUnixTimeMilliseconds(leaseEnds).UtcDateTime.AddMilliseconds(-50), "A delivery was taken while the dead instance's lease held.");
            var perOwner = await SentPerOwnerAsync(connectionString, id);
            Assert.DoesNotContain(deadOwner, perOwner.Keys);
            Assert.Equal(Readers / 2, (long)(await ScalarAsync(connectionString, "SELECT COUNT(*) FROM deliveries WHERE attempts = 2"))!);
        }
        finally
        {
            await DisposeAllAsync(hosts);
        }
    }

    [Fact]
    public async Task A_reminder_scheduled_through_one_instance_fires_once_an_rsvp_through_another_counts_on_the_third_and_erasure_reaches_all()
    {
        using var folder = new TempFolder();
        var connectionString = await server.CreateDatabaseAsync(maxPoolSize: 30);
        await using var channel = await AnnouncementChannel.StartAsync();
        var hosts = await StartHostsAsync(connectionString, folder.Path, Instances);
        try
        {
            var readers = await hosts[0].SeedReadersAsync(2, channel.ServiceUrl);
            var due = DateTimeOffset.UtcNow.AddSeconds(1);
            var scheduler = hosts[0].Host.Services.GetRequiredService<IReminderScheduler>();
            await scheduler.ScheduleAsync(new ReminderRequest("launch:b1:emulator:r1", readers[1], due, "Launch day!"), CancellationToken.None);

            // Every instance polls the reminders; the one that claims it sends it and no other does.
            Assert.True(await AnnouncementChannel.WaitForAsync(() => channel.PostCount >= 1, _timeout));
            await Task.Delay(1500);
            var reminder = Assert.Single(channel.Posts);
            Assert.Equal(("conv-r1", "reminder:launch:b1:emulator:r1"), (reminder.ConversationId, reminder.IdempotencyKey));
            Assert.Equal("sent", await hosts[2].Host.Services.GetRequiredService<ReminderStore>().StateOfAsync("launch:b1:emulator:r1", CancellationToken.None));

            // An announcement through the first instance; r0 asks for events on the second and RSVPs on the third. The
            // second has already taken a message (so what it knows of recent sends is loaded) before the announcement,
            // which another instance may send: r0's message there must still be credited as a reply.
            await hosts[1].Host.ExpectRepliesAsync("conv-r1", "r1", "hi");
            var id = await hosts[0].CreateAsync("""{"text":"Join the webinar"}""");
            await hosts[0].WaitCompletedAsync(id, _timeout);
            await hosts[1].Host.ExpectRepliesAsync("conv-r0", "r0", "events");
            await hosts[1].Host.ExpectRepliesAsync("conv-r0", "r0", "webinar");
            Assert.Contains("You're in!", await hosts[2].Host.ExpectRepliesAsync("conv-r0", "r0", "rsvp"), StringComparison.Ordinal);

            var results = await hosts[0].GetJsonAsync($"/api/announcements/{id}/results");
            var variant = Assert.Single(results.GetProperty("variants").EnumerateArray());
            Assert.Equal((2, 1, 1), (variant.GetProperty("sent").GetInt32(), variant.GetProperty("replied").GetInt32(), variant.GetProperty("rsvped").GetInt32()));

            // The RSVP's event reminders were scheduled into the shared table too, visible from the first instance.
            var store = hosts[0].Host.Services.GetServices<IReaderDataStore>().Single(s => s.Name == "scheduled reminders");
            var exported = await store.ExportAsync(readers[0], CancellationToken.None);
            Assert.NotNull(exported);
            Assert.Contains("webinar", exported.ToJsonString(), StringComparison.OrdinalIgnoreCase);

            // "Delete my data" through the third instance leaves nothing about the reader for the first to export.
            foreach (var data in hosts[2].Host.Services.GetServices<IReaderDataStore>())
            {
                await data.EraseAsync(readers[0], CancellationToken.None);
            }

            foreach (var data in hosts[0].Host.Services.GetServices<IReaderDataStore>().Where(s => s.Name is "scheduled reminders" or "announcements sent to you" or "conversation references"))
            {
                Assert.Null(await data.ExportAsync(readers[0], CancellationToken.None));
            }

            Assert.NotNull(await hosts[0].Host.Services.GetServices<IReaderDataStore>().Single(s => s.Name == "announcements sent to you").ExportAsync(readers[1], CancellationToken.None));
        }
        finally
        {
            await DisposeAllAsync(hosts);
        }
    }

    private static async Task<List<AnnouncementHost>> StartHostsAsync(string connectionString, string folder, int count)
    {
        var hosts = new List<AnnouncementHost>();
        for (var i = 0; i < count; i++)
        {
            // Slow enough per instance (200 a second) that the others' polls find work while the first is sending.
            hosts.Add(await AnnouncementHost.StartAsync(
            [
                .. PostgresInstance.Settings(connectionString, folder, "instance-" + i.ToString(CultureInfo.InvariantCulture)),
                "--Announcements:MaxPerSecond=200",
                "--Proactive:LeaseDuration=00:00:05",
            ]));
        }

        return hosts;
    }

    private static async Task DisposeAllAsync(List<AnnouncementHost> hosts)
    {
        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }
    }

    private static async Task<Dictionary<string, long>> SentPerOwnerAsync(string connectionString, string announcementId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT lease_owner, COUNT(*) FROM deliveries WHERE announcement_id = @a AND state = 'sent' GROUP BY lease_owner", connection);
        command.Parameters.AddWithValue("a", announcementId);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var rows = await command.ExecuteReaderAsync();
        while (await rows.ReadAsync())
        {
            counts[rows.GetString(0)] = rows.GetInt64(1);
        }

        return counts;
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
