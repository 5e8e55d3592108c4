using AuthorBot.Bot.Announcements;
using AuthorBot.BotFramework.Builder;
using AuthorBot.Dialogs.Reminders;

namespace AuthorBot.Bot.Proactive;

/// <summary>
/// Sends due reminders into each reader's stored conversation, with the same crash semantics and error handling as
/// announcements (see <see cref="DeliveryEngine"/>): "sending" before the send, "sent" after, resent with the same
/// key after a crash; 403/404 fail the reminder and mark the conversation unreachable. Reminders are what the reader
/// asked for, so quiet hours and weekly caps do not hold them back.
/// </summary>
internal sealed partial class ReminderService(
    ReminderStore store,
    ConversationReferenceStore references,
    DeliverySender sender,
    TimeProvider time,
    ILogger<ReminderService> logger) : BackgroundService
{
    private const int MaxAttempts = 5;
    private readonly DueWorkLoop _loop = new(TimeSpan.FromSeconds(1), time);

    public void Wake() => _loop.Wake();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await store.RequeueInterruptedAsync(stoppingToken).ConfigureAwait(false);
        await _loop.RunAsync(
            async ct =>
            {
                var due = await store.TakeDueAsync(time.GetUtcNow(), 100, ct).ConfigureAwait(false);
                foreach (var (request, attempts) in due)
                {
                    await SendAsync(request, attempts, ct).ConfigureAwait(false);
                }

                return due.Count;
            },
            LogFailed,
            stoppingToken).ConfigureAwait(false);
    }

    private async Task SendAsync(ReminderRequest request, int attempts, CancellationToken cancellationToken)
    {
        var target = await references.FindAsync(request.Reader, cancellationToken).ConfigureAwait(false);
        if (target is null)
        {
            await store.RecordAsync(request.Id, "failed", time.GetUtcNow(), "No reachable conversation with the reader.", null, CancellationToken.None).ConfigureAwait(false);
            return;
        }

        var key = "reminder:" + request.Id;
        var activity = MessageFactory.Text(request.Text);
        activity.Id = key;
        activity.ChannelData = System.Text.Json.JsonSerializer.SerializeToElement(
            new Dictionary<string, Dictionary<string, string>> { ["authorBot"] = new() { ["idempotencyKey"] = key } },
            AnnouncementRenderJsonContext.Default.DictionaryStringDictionaryStringString);
        var delivery = new DueDelivery(0, "reminder", request.Reader, target.ConversationId, "reminder", key, attempts - 1, request.DueAt);
        var outcome = await sender.SendAsync(new PreparedDelivery(delivery, target, activity), MaxAttempts, TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
        await store.RecordAsync(request.Id, outcome.State, outcome.At, outcome.Reason, outcome.RetryAt, CancellationToken.None).ConfigureAwait(false);
        if (outcome.Reason == DeliveryStates.UnreachableReason)
        {
            await references.MarkUnreachableAsync(request.Reader, target.ConversationId, "The channel refused a reminder (403/404).", outcome.At, CancellationToken.None).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending reminders failed; trying again shortly")]
    private partial void LogFailed(Exception exception);
}
