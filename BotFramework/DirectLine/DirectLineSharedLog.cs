using System.Globalization;
using Npgsql;

namespace AuthorBot.BotFramework.DirectLine;

/// <summary>
/// What instances sharing one PostgreSQL database need beyond the shared log documents: a per-conversation lock, so
/// one instance at a time appends (sequence numbers, hence watermarks, stay one series), and a notification on
/// <see cref="Channel"/> when a conversation's log grew, so an instance holding its sockets reads the new activities.
/// </summary>
/// <remarks>
/// The lock is a transaction-scoped advisory lock held only around one change (refresh, append, save), not around a
/// whole bot turn, so a turn in progress holds no connection while it waits on anything else; whole turns across
/// instances are kept apart by the state's ETag check and retry (RetryOnStateConflictMiddleware).
/// </remarks>
internal sealed class DirectLineSharedLog(NpgsqlDataSource dataSource)
{
    /// <summary>The LISTEN/NOTIFY channel; each payload is "{lastSequence} {conversationId}".</summary>
    public const string Channel = "authorbot_directline";

    // The two-key advisory lock space, with this class id, keeps these locks apart from the migrations' one-key lock.
    private const int LockClass = 0x444C; // "DL"

    public NpgsqlDataSource DataSource => dataSource;

    /// <summary>Waits for the conversation's lock; disposing the handle releases it (and sends its notification).</summary>
    public async Task<DirectLineLogLock> LockAsync(string conversationId, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@class, hashtext(@id))", connection, transaction);
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.AddWithValue("class", LockClass);
                command.Parameters.AddWithValue("id", conversationId);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return new DirectLineLogLock(connection, transaction, conversationId);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Reads a notification's payload; false for one this version does not understand.</summary>
    public static bool TryParse(string payload, out string conversationId, out long lastSequence)
    {
        var space = payload.IndexOf(' ', StringComparison.Ordinal);
        conversationId = space > 0 ? payload[(space + 1)..] : string.Empty;
        return long.TryParse(payload.AsSpan(0, Math.Max(0, space)), NumberStyles.None, CultureInfo.InvariantCulture, out lastSequence) && conversationId.Length > 0;
    }
}
