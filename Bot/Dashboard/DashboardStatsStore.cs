using AuthorBot.Bot.Proactive;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Dashboard;

/// <summary>The dashboard's reads of the proactive database: every known reader with when they were first seen, and the newest announcements.</summary>
internal sealed class DashboardStatsStore(ProactiveDatabase database, ConversationReferenceStore references)
{
    /// <summary>Each reader (channel and user) with the moment any of their conversations was first captured (queued captures included).</summary>
    public async Task<List<(ReaderKey Reader, DateTimeOffset FirstSeen)>> ReadersAsync(CancellationToken cancellationToken)
    {
        await references.FlushAsync(cancellationToken).ConfigureAwait(false);
        return await database.ReadAsync(
            async connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT channel_id, user_id, MIN(captured_at) FROM conversation_references GROUP BY channel_id, user_id;";
                using var rows = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                var readers = new List<(ReaderKey, DateTimeOffset)>();
                while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    readers.Add((new ReaderKey(rows.GetString(0), rows.GetString(1)), DateTimeOffset.FromUnixTimeMilliseconds(rows.GetInt64(2))));
                }

                return readers;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The ids of the newest announcements, newest first.</summary>
    public Task<List<string>> NewestAnnouncementsAsync(int limit, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT id FROM announcements ORDER BY created_at DESC, id LIMIT @limit;";
                command.Parameters.AddWithValue("@limit", limit);
                using var rows = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                var ids = new List<string>();
                while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    ids.Add(rows.GetString(0));
                }

                return ids;
            },
            cancellationToken);
}
