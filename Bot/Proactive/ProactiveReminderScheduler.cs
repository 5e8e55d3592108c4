using AuthorBot.Dialogs.Reminders;

namespace AuthorBot.Bot.Proactive;

/// <summary>The host's durable <see cref="IReminderScheduler"/>: reminders are rows in the proactive database, sent by <see cref="ReminderService"/>.</summary>
internal sealed class ProactiveReminderScheduler(ReminderStore store, ReminderService service) : IReminderScheduler
{
    public async Task ScheduleAsync(ReminderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Id);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Text);
        await store.ScheduleAsync(request, cancellationToken).ConfigureAwait(false);
        service.Wake();
    }

    public Task CancelAsync(string reminderId, CancellationToken cancellationToken) => store.CancelAsync(reminderId, cancellationToken);
}
