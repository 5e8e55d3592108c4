using System.Globalization;
using Npgsql;

namespace AuthorBot.BotFramework.DirectLine;

/// <summary>A held conversation lock (an open transaction holding the advisory lock); disposing commits, which releases it.</summary>
internal sealed class DirectLineLogLock(NpgsqlConnection connection, NpgsqlTransaction transaction, string conversationId) : IAsyncDisposable
{
    private long? _notify;

    /// <summary>Asks for a notification that the log now ends at <paramref name="lastSequence"/>, sent as the lock is released.</summary>
    public void NotifyOnRelease(long lastSequence) => _notify = lastSequence;

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_notify is { } sequence)
            {
                // Inside the lock's transaction: PostgreSQL delivers it at commit, after the log write it announces.
                var command = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection, transaction);
                await using (command.ConfigureAwait(false))
                {
                    command.Parameters.AddWithValue("channel", DirectLineSharedLog.Channel);
                    command.Parameters.AddWithValue("payload", string.Create(CultureInfo.InvariantCulture, $"{sequence} {conversationId}"));
                    await command.ExecuteNonQueryAsync().ConfigureAwait(false);
                }
            }

            await transaction.CommitAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            // The change itself is saved; a lost notification only delays other instances' sockets until the next
            // one, or until their listener reconnects and catches up. A broken connection releases the lock anyway.
        }
        finally
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
