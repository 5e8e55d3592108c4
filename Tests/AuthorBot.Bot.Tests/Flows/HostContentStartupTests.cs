using AuthorBot.Bot.Tests.EndToEnd;
using AuthorBot.Dialogs.Content;
using AuthorBot.Dialogs.Privacy;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Tests.Flows;

public sealed class HostContentStartupTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Host_refuses_to_start_with_invalid_author_content_and_says_where()
    {
        var path = Path.Combine(_folder.Path, "author.json");
        var shipped = await File.ReadAllTextAsync(ContentServiceCollectionExtensions.ResolvePath(null));
        await File.WriteAllTextAsync(path, shipped.Replace("\"capacity\": 40", "\"capacity\": -1", StringComparison.Ordinal));
        var app = AuthorBotApp.Create(
            ["--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=None", "--Storage:Provider=Memory", $"--{ContentServiceCollectionExtensions.PathKey}={path}"]);
        try
        {
            var error = await Assert.ThrowsAsync<AuthorContentException>(() => app.StartAsync());

            Assert.Matches(@"^author\.json line \d+: events\[2\]\.capacity -1 is not between 1 and 1000000$", Assert.Single(error.Errors));
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Running_host_serves_the_shipped_events()
    {
        await using var host = await RunningHost.StartWithMemoryAsync();

        var replies = await host.ExpectRepliesAsync("c1", "reader1", "events");

        Assert.Contains("Here's what's coming up with Maren Holloway.", replies, StringComparison.Ordinal);
        Assert.Contains("Which event would you like?", replies, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_my_data_in_the_running_host_empties_every_registered_store()
    {
        await using var host = await RunningHost.StartAsync(
            ["--Storage:Provider=Memory", $"--Proactive:DatabasePath={Path.Combine(_folder.Path, "proactive.db")}"]);
        var reader = new ReaderKey("emulator", "reader1");
        await host.ExpectRepliesAsync("c1", "reader1", "events");
        await host.ExpectRepliesAsync("c1", "reader1", "webinar");
        Assert.Contains("You're in!", await host.ExpectRepliesAsync("c1", "reader1", "rsvp"), StringComparison.Ordinal);
        var stores = host.Services.GetServices<IReaderDataStore>().ToList();
        Assert.NotNull(await stores.Single(s => s.Name == "event RSVPs").ExportAsync(reader, default));
        Assert.NotNull(await stores.Single(s => s.Name == "profile and preferences").ExportAsync(reader, default));

        Assert.Contains("Delete everything?", await host.ExpectRepliesAsync("c1", "reader1", "delete my data"), StringComparison.Ordinal);
        Assert.Contains("Done: I've deleted everything", await host.ExpectRepliesAsync("c1", "reader1", "yes"), StringComparison.Ordinal);

        foreach (var store in stores)
        {
            Assert.True(await store.ExportAsync(reader, default) is null, $"\"{store.Name}\" still holds something about the reader");
        }
    }

    [Fact]
    public async Task Launch_day_reminder_goes_to_the_hosts_durable_scheduler()
    {
        await using var host = await RunningHost.StartAsync(
            ["--Storage:Provider=Memory", $"--Proactive:DatabasePath={Path.Combine(_folder.Path, "proactive.db")}"]);
        var reader = new ReaderKey("emulator", "reader2");

        Assert.Contains("Would you like me to remind you on launch day?", await host.ExpectRepliesAsync("c2", "reader2", "new book"), StringComparison.Ordinal);
        Assert.Contains("Done: I'll message you when The Glass Cartographer comes out", await host.ExpectRepliesAsync("c2", "reader2", "yes"), StringComparison.Ordinal);

        var reminders = host.Services.GetServices<IReaderDataStore>().Single(s => s.Name == "scheduled reminders");
        Assert.Contains("launch:the-glass-cartographer", (await reminders.ExportAsync(reader, default))?.ToJsonString() ?? string.Empty, StringComparison.Ordinal);
    }
}
