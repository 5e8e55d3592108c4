namespace AuthorBot.Dialogs.Reminders;

/// <summary>
/// The scheduler used until the host registers a real one. It refuses rather than keeping reminders in memory,
/// where a restart would silently drop them and readers would wait for messages that never come.
/// </summary>
internal sealed class UnavailableReminderScheduler : IReminderScheduler
{
    /// <inheritdoc />
    public Task ScheduleAsync(ReminderRequest request, CancellationToken cancellationToken) =>
        Task.FromException(new ReminderSchedulingUnavailableException());

    /// <inheritdoc />
    public Task CancelAsync(string reminderId, CancellationToken cancellationToken) =>
        Task.FromException(new ReminderSchedulingUnavailableException());
}
