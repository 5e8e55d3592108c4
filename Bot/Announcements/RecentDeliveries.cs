using System.Collections.Concurrent;
using AuthorBot.Bot.Proactive;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Announcements;

/// <summary>
/// The readers sent an announcement within the reply-credit window, in memory, so that a reader's message costs a
/// database query only when it may be a reply to one: most messages come from readers who were sent nothing lately.
/// </summary>
/// <remarks>
/// A filter, never the record: it may say "maybe" for a reader the query then finds nothing for, but never "no" for a
/// reader the query would credit. Deliveries this process sends are added as they succeed (with the time stored as
/// their <c>sent_at</c>); those sent before a restart are read from the database on first use, so a reply right after
/// a restart is still credited. On PostgreSQL another instance may have sent the announcement, which this process never
/// hears of, so there it always says "maybe" and the database decides.
/// </remarks>
internal sealed class RecentDeliveries(ProactiveDatabase database, TimeProvider time) : IDisposable
{
    private const int RecordsBetweenSweeps = 4096;

    private readonly ConcurrentDictionary<ReaderKey, DateTimeOffset> _readers = new();
    private readonly SemaphoreSlim _loadGate = new(1, 1);
    private volatile bool _loaded;
    private int _recordsSinceSweep;

    /// <summary>Notes an announcement sent to <paramref name="reader"/> at <paramref name="sentAt"/>.</summary>
    public void Record(ReaderKey reader, DateTimeOffset sentAt)
    {
        if (database.IsPostgres)
        {
            // Never consulted there (see MayCreditAsync): keeping it would only grow with every send.
            return;
        }

        _readers.AddOrUpdate(reader, static (_, at) => at, static (_, old, at) => Max(old, at), sentAt);
        if (Interlocked.Increment(ref _recordsSinceSweep) >= RecordsBetweenSweeps)
        {
            Interlocked.Exchange(ref _recordsSinceSweep, 0);
            Sweep(time.GetUtcNow());
        }
    }

    /// <summary>
    /// False when no announcement was sent to the reader within the window before <paramref name="at"/>: then there is
    /// nothing to credit and no need to ask the database.
    /// </summary>
    public async ValueTask<bool> MayCreditAsync(ReaderKey reader, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (database.IsPostgres)
        {
            return true;
        }

        if (!_loaded)
        {
            await LoadAsync(cancellationToken).ConfigureAwait(false);
        }

        return _readers.TryGetValue(reader, out var lastSent) && lastSent >= at - AnnouncementEngagementStore.CreditWindow;
    }

    public void Dispose() => _loadGate.Dispose();

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

    private void Sweep(DateTimeOffset now)
    {
        var horizon = now - AnnouncementEngagementStore.CreditWindow;
        foreach (var (reader, lastSent) in _readers)
        {
            if (lastSent < horizon)
            {
                // Only if unchanged: a delivery recorded meanwhile keeps the reader.
                _readers.TryRemove(KeyValuePair.Create(reader, lastSent));
            }
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await _loadGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_loaded)
            {
                return;
            }

            var since = (time.GetUtcNow() - AnnouncementEngagementStore.CreditWindow).ToUnixTimeMilliseconds();
            var sent = await database.ReadAsync(
                async connection =>
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = """
                        SELECT channel_id, user_id, MAX(sent_at) FROM deliveries
                        WHERE state = 'sent' AND sent_at >= @since GROUP BY channel_id, user_id;
                        """;
                    command.Parameters.AddWithValue("@since", since);
                    var rows = new List<(ReaderKey Reader, DateTimeOffset SentAt)>();
                    using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        rows.Add((new ReaderKey(reader.GetString(0), reader.GetString(1)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2))));
                    }

                    return rows;
                },
                cancellationToken).ConfigureAwait(false);
            foreach (var (reader, sentAt) in sent)
            {
                _readers.AddOrUpdate(reader, static (_, at) => at, static (_, old, at) => Max(old, at), sentAt);
            }

            _loaded = true;
        }
        finally
        {
            _loadGate.Release();
        }
    }
}
