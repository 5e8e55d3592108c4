using System.Data.Common;
using System.Globalization;
using AuthorBot.Bot.Proactive;
using AuthorBot.Dialogs.HandOff;

namespace AuthorBot.Bot.Understanding;

/// <summary>The author's inbox in the bot's database: readers' handed-off messages, with a contact only where they consented.</summary>
internal sealed class AuthorInboxStore(ProactiveDatabase database) : IAuthorInbox
{
    private const string Columns = "id, received_at, channel_id, reader_name, message, contact, contact_consent, reason, sentiment, read_at";

    public Task<string> AddAsync(AuthorInboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    INSERT INTO author_inbox (channel_id, user_id, reader_name, message, contact, contact_consent, received_at, reason, sentiment)
                    VALUES (@c, @u, @n, @m, @contact, @consent, @at, @r, @s)
                    RETURNING id;
                    """;
                command.Parameters.AddWithValue("@c", message.Reader.ChannelId);
                command.Parameters.AddWithValue("@u", message.Reader.UserId);
                command.Parameters.AddWithValue("@n", (object?)message.ReaderName ?? DBNull.Value);
                command.Parameters.AddWithValue("@m", message.Message);
                command.Parameters.AddWithValue("@contact", (object?)message.Contact ?? DBNull.Value);
                command.Parameters.AddWithValue("@consent", (object?)message.ContactConsent ?? DBNull.Value);
                command.Parameters.AddWithValue("@at", message.At.ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("@r", message.Reason);
                command.Parameters.AddWithValue("@s", message.Sentiment);
                var id = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
                return id.ToString(CultureInfo.InvariantCulture);
            },
            cancellationToken);
    }

    /// <summary>The messages, newest first: unread only unless <paramref name="all"/>.</summary>
    public Task<List<InboxView>> ListAsync(bool all, int limit, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT {Columns} FROM author_inbox {(all ? string.Empty : "WHERE read_at IS NULL")} ORDER BY id DESC LIMIT @limit;";
                command.Parameters.AddWithValue("@limit", limit);
                return await ReadAsync(command, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    /// <summary>Marks a message read; null when there is no such message.</summary>
    public Task<InboxView?> MarkReadAsync(long id, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                using (var update = connection.CreateCommand())
                {
                    update.Transaction = transaction;
                    update.CommandText = "UPDATE author_inbox SET read_at = COALESCE(read_at, @at) WHERE id = @id;";
                    update.Parameters.AddWithValue("@at", now.ToUnixTimeMilliseconds());
                    update.Parameters.AddWithValue("@id", id);
                    if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
                    {
                        return null;
                    }
                }

                using var select = connection.CreateCommand();
                select.Transaction = transaction;
                select.CommandText = $"SELECT {Columns} FROM author_inbox WHERE id = @id;";
                select.Parameters.AddWithValue("@id", id);
                return (await ReadAsync(select, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
            },
            cancellationToken);

    private static async Task<List<InboxView>> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var messages = new List<InboxView>();
        using var rows = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            messages.Add(new InboxView
            {
                Id = rows.GetInt64(0),
                ReceivedAt = DateTimeOffset.FromUnixTimeMilliseconds(rows.GetInt64(1)),
                ChannelId = rows.GetString(2),
                ReaderName = rows.IsDBNull(3) ? null : rows.GetString(3),
                Message = rows.GetString(4),
                Contact = rows.IsDBNull(5) ? null : rows.GetString(5),
                ContactConsent = rows.IsDBNull(6) ? null : rows.GetString(6),
                Reason = rows.GetString(7),
                Sentiment = Math.Round(rows.GetDouble(8), 3),
                ReadAt = rows.IsDBNull(9) ? null : DateTimeOffset.FromUnixTimeMilliseconds(rows.GetInt64(9)),
            });
        }

        return messages;
    }
}
