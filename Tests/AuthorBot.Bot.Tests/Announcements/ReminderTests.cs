using AuthorBot.Bot.Proactive;
using AuthorBot.Dialogs.Privacy;
using AuthorBot.Dialogs.Profile;
using AuthorBot.Dialogs.Reminders;

namespace AuthorBot.Bot.Tests.Announcements;

public sealed class ReminderTests
{
    [Fact]
    public async Task A_reminder_is_sent_once_at_its_time_even_when_scheduled_twice_and_a_cancelled_one_never()
    {
        await using var channel = await AnnouncementChannel.StartAsync();
        await using var host = await AnnouncementHost.StartAsync();
        var readers = await host.SeedReadersAsync(2, channel.ServiceUrl);
        var scheduler = host.Host.Services.GetRequiredService<IReminderScheduler>();
        Assert.IsType<ProactiveReminderScheduler>(scheduler);

        var due = DateTimeOffset.UtcNow.AddMilliseconds(500);
        await scheduler.ScheduleAsync(new ReminderRequest("launch:b1:emulator:r0", readers[0], due, "Launch day!"), CancellationToken.None);
        await scheduler.ScheduleAsync(new ReminderRequest("launch:b1:emulator:r0", readers[0], due, "Launch day!"), CancellationToken.None);
        await scheduler.ScheduleAsync(new ReminderRequest("launch:b1:emulator:r1", readers[1], due, "Launch day!"), CancellationToken.None);
        await scheduler.CancelAsync("launch:b1:emulator:r1", CancellationToken.None);
        await scheduler.ScheduleAsync(new ReminderRequest("launch:b1:emulator:nobody", new ReaderKey("emulator", "nobody"), due, "?"), CancellationToken.None);

        var store = host.Host.Services.GetRequiredService<ReminderStore>();
        Assert.True(await AnnouncementChannel.WaitForAsync(() => channel.PostCount >= 1, TimeSpan.FromSeconds(20)));
        Assert.True(await AnnouncementChannel.WaitForAsync(() => store.StateOfAsync("launch:b1:emulator:nobody", CancellationToken.None).Result == "failed", TimeSpan.FromSeconds(20)));
        await Task.Delay(500);
        var posted = Assert.Single(channel.Posts);
        Assert.Equal("conv-r0", posted.ConversationId);
        Assert.Equal("Launch day!", posted.Text);
        Assert.Equal("reminder:launch:b1:emulator:r0", posted.IdempotencyKey);
        Assert.True(posted.At >= due.UtcDateTime.AddMilliseconds(-50), "Sent before it was due.");
        Assert.Equal("sent", await store.StateOfAsync("launch:b1:emulator:r0", CancellationToken.None));
        Assert.Null(await store.StateOfAsync("launch:b1:emulator:r1", CancellationToken.None));

        var data = host.Host.Services.GetServices<IReaderDataStore>().Single(s => s.Name == "scheduled reminders");
        Assert.NotNull(await data.ExportAsync(readers[0], CancellationToken.None));
        await data.EraseAsync(readers[0], CancellationToken.None);
        Assert.Null(await data.ExportAsync(readers[0], CancellationToken.None));
    }
}
