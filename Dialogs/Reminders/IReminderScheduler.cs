namespace AuthorBot.Dialogs.Reminders;

/// <summary>
/// Sends a message to a reader later, proactively. The host implements it durably (reminders survive restarts);
/// flows only ask for reminders and cancel them.
/// </summary>
public interface IReminderScheduler
{
    /// <summary>Schedules a reminder, replacing any earlier one with the same id.</summary>
    /// <param name="request">The reminder.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes once the reminder is stored.</returns>
    /// <exception cref="ReminderSchedulingUnavailableException">This host cannot send reminders.</exception>
    Task ScheduleAsync(ReminderRequest request, CancellationToken cancellationToken);

    /// <summary>Cancels a reminder that has not been sent; an unknown or already sent id is not an error.</summary>
    /// <param name="reminderId">The reminder's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes once the reminder can no longer be sent.</returns>
    /// <exception cref="ReminderSchedulingUnavailableException">This host cannot send reminders.</exception>
    Task CancelAsync(string reminderId, CancellationToken cancellationToken);
}
