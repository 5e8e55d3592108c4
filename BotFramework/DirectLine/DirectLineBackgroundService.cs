using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AuthorBot.BotFramework.DirectLine;

/// <summary>
/// Housekeeping off the request path: drops idle conversations from memory once a minute, deletes uploaded files older
/// than the log's retention once an hour, closes
/// the sockets when the host stops (so shutdown does not wait for clients) and saves what is unsaved.
/// </summary>
internal sealed partial class DirectLineBackgroundService(
    DirectLineConversations conversations,
    DirectLineAttachmentStore attachments,
    DirectLineOptions options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<DirectLineBackgroundService> logger) : BackgroundService
{
    private static readonly TimeSpan _sweepInterval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan _attachmentSweepInterval = TimeSpan.FromHours(1);
    private DateTimeOffset _nextAttachmentSweep = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var stopping = lifetime.ApplicationStopping.Register(() => conversations.CloseAllSockets("server stopping"));
        using var timer = new PeriodicTimer(_sweepInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await conversations.EvictIdleAsync(stoppingToken).ConfigureAwait(false);
                    if (time.GetUtcNow() >= _nextAttachmentSweep)
                    {
                        // Files live as long as the messages that link to them (DirectLine:MaxActivityAge).
                        _nextAttachmentSweep = time.GetUtcNow() + _attachmentSweepInterval;
                        await attachments.DeleteOlderThanAsync(time.GetUtcNow() - options.MaxActivityAge, stoppingToken).ConfigureAwait(false);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // A storage failure only delays eviction; the next sweep tries again.
                    LogSweepFailed(logger, exception);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The host is stopping.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        conversations.CloseAllSockets("server stopping");
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await conversations.FlushAllAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Direct Line: evicting idle conversations failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
