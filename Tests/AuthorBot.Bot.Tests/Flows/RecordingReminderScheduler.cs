using System.Collections.Concurrent;
using AuthorBot.Dialogs.Reminders;

namespace AuthorBot.Bot.Tests.Flows;

/// <summary>Keeps scheduled reminders by id the way a real scheduler must (same id replaces), so tests can look at them.</summary>
internal sealed class RecordingReminderScheduler : IReminderScheduler
{
    public ConcurrentDictionary<string, ReminderRequest> Pending { get; } = new(StringComparer.Ordinal);

    public ConcurrentBag<string> Cancelled { get; } = [];

    public Task ScheduleAsync(ReminderRequest request, CancellationToken cancellationToken)
    {
        Pending[request.Id] = request;
        return Task.CompletedTask;
    }

    public Task CancelAsync(string reminderId, CancellationToken cancellationToken)
    {
        Pending.TryRemove(reminderId, out _);
        Cancelled.Add(reminderId);
        return Task.CompletedTask;
    }
}
