using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AuthorBot.BotFramework.DirectLine;

/// <summary>
/// With the log shared between instances: listens on <see cref="DirectLineSharedLog.Channel"/> and, when another
/// instance grew a conversation this one holds in memory, reads the new activities from the shared log, which pushes
/// them to this instance's open sockets. After every (re)connection it catches up on every conversation with a socket,
/// for whatever was announced while it was not listening. Does nothing when the log is not shared.
/// </summary>
internal sealed partial class DirectLineChangeListener(DirectLineConversations conversations, ILogger<DirectLineChangeListener> logger) : BackgroundService
{
    private static readonly TimeSpan _longestPause = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (conversations.Shared is not { } shared)
        {
            return;
        }

        await Task.Yield();
        var pause = TimeSpan.FromMilliseconds(500);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(shared.DataSource, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                LogListenFailed(logger, exception, pause.TotalSeconds);
            }

            try
            {
                await Task.Delay(pause, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, _longestPause.Ticks));
        }
    }

    private async Task ListenAsync(NpgsqlDataSource dataSource, CancellationToken stoppingToken)
    {
        var changes = Channel.CreateUnbounded<(string ConversationId, long LastSequence)>(new UnboundedChannelOptions { SingleReader = true });
        var connection = await dataSource.OpenConnectionAsync(stoppingToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            connection.Notification += (_, e) =>
            {
                if (DirectLineSharedLog.TryParse(e.Payload, out var conversationId, out var lastSequence))
                {
                    changes.Writer.TryWrite((conversationId, lastSequence));
                }
            };
            var listen = new NpgsqlCommand("LISTEN " + DirectLineSharedLog.Channel, connection);
            await using (listen.ConfigureAwait(false))
            {
                await listen.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
            }

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var applying = ApplyAsync(changes.Reader, stop.Token);
            try
            {
                await conversations.CatchUpSubscribedAsync(stoppingToken).ConfigureAwait(false);
                while (true)
                {
                    await connection.WaitAsync(stoppingToken).ConfigureAwait(false);
                }
            }
            finally
            {
                changes.Writer.TryComplete();
                await stop.CancelAsync().ConfigureAwait(false);
                await applying.ConfigureAwait(false);
            }
        }
    }

    private async Task ApplyAsync(ChannelReader<(string ConversationId, long LastSequence)> changes, CancellationToken cancellationToken)
    {
        var latest = new Dictionary<string, long>(StringComparer.Ordinal);
        try
        {
            while (await changes.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                // Everything queued so far at once: one read per conversation, however many appends it announced.
                latest.Clear();
                while (changes.TryRead(out var change))
                {
                    latest[change.ConversationId] = Math.Max(change.LastSequence, latest.GetValueOrDefault(change.ConversationId));
                }

                await Task.WhenAll(latest.Select(change => CatchUpAsync(change.Key, change.Value, cancellationToken))).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The connection is going away; the next one catches up on everything.
        }
    }

    private async Task CatchUpAsync(string conversationId, long lastSequence, CancellationToken cancellationToken)
    {
        try
        {
            await conversations.CatchUpAsync(conversationId, lastSequence, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogCatchUpFailed(logger, exception, conversationId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Direct Line: listening for other instances' messages failed; listening again in {Seconds} s")]
    private static partial void LogListenFailed(ILogger logger, Exception exception, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Direct Line: reading conversation {ConversationId} from the shared log failed")]
    private static partial void LogCatchUpFailed(ILogger logger, Exception exception, string conversationId);
}
