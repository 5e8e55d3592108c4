using System.Threading.Channels;

namespace AuthorBot.Bot.Proactive;

/// <summary>
/// The loop behind the durable queues (reminders, the newsletter outbox): take what is due and handle it, and when
/// nothing was due wait for <see cref="Wake"/> or the poll interval, whichever comes first (retries come due without a
/// wake-up). A failed round is logged and tried again after the poll interval; only stopping ends the loop.
/// </summary>
internal sealed class DueWorkLoop(TimeSpan poll, TimeProvider time)
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Looks at the queue now rather than at the next poll.</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    /// <param name="round">Takes and handles the due work; returns how many items it took.</param>
    /// <param name="logFailed">Logs a round that threw.</param>
    /// <param name="stoppingToken">Ends the loop.</param>
    public async Task RunAsync(Func<CancellationToken, Task<int>> round, Action<Exception> logFailed, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await round(stoppingToken).ConfigureAwait(false) == 0)
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    timeout.CancelAfter(poll);
                    try
                    {
                        await _wake.Reader.ReadAsync(timeout.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                    {
                        // Poll again.
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logFailed(ex);
                await Task.Delay(poll, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }
}
