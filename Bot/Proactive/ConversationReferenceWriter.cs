namespace AuthorBot.Bot.Proactive;

/// <summary>
/// Writes the conversation references and activity hours that turns queue (<see cref="ConversationReferenceStore.QueueAsync"/>)
/// in batches off the request path; on shutdown it writes what is left and has later turns write their own.
/// </summary>
internal sealed class ConversationReferenceWriter(ConversationReferenceStore store) : BackgroundService
{
    // A short gather after the first capture arrives, so a busy host writes many turns per transaction.
    private static readonly TimeSpan _gather = TimeSpan.FromMilliseconds(20);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await store.WaitForQueuedAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await Task.Delay(_gather, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            // Not the stopping token: a batch taken off the queue is written whole (StopAsync waits for it).
            await store.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        store.StopQueueing();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await store.FlushAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
