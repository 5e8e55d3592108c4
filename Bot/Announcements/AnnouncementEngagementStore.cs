using System.Data.Common;
using AuthorBot.Bot.Proactive;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Announcements;

/// <summary>
/// What readers did with the announcements they were sent (link clicks, replies, RSVPs) and the per-variant counts
/// the results endpoint tests, in the proactive database next to the deliveries they point at.
/// </summary>
/// <remarks>
/// A reply or an RSVP is credited to an announcement the reader was sent in the 24 hours before it: after that it is
/// more likely to be the reader's own idea than the announcement's effect.
/// </remarks>
internal sealed class AnnouncementEngagementStore(ProactiveDatabase database)
{
    // The one announcement a reply or an RSVP is credited to: the latest sent to the reader (@c, @u) in the window
    // before the act (@since .. @at); both kinds of credit pick it the same way.
    private const string LatestCreditable = """
        SELECT d.id FROM deliveries d
        WHERE d.channel_id = @c AND d.user_id = @u AND d.state = 'sent' AND d.sent_at >= @since AND d.sent_at <= @at
        ORDER BY d.sent_at DESC, d.id DESC LIMIT 1
        """;

    /// <summary>How long after a delivery a reply or an RSVP is credited to it.</summary>
    public static readonly TimeSpan CreditWindow = TimeSpan.FromHours(24);

    /// <summary>Per variant with deliveries: targeted, sent, and the deliveries clicked, replied to and followed by an RSVP.</summary>
    public Task<List<VariantEngagement>> GetEngagementAsync(string id, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = """
                    SELECT d.variant, COUNT(*), SUM(CASE WHEN d.state = 'sent' THEN 1 ELSE 0 END),
                           SUM(CASE WHEN EXISTS (SELECT 1 FROM clicks c WHERE c.delivery_id = d.id) THEN 1 ELSE 0 END),
                           SUM(CASE WHEN EXISTS (SELECT 1 FROM replies r WHERE r.delivery_id = d.id) THEN 1 ELSE 0 END),
                           SUM(CASE WHEN EXISTS (SELECT 1 FROM rsvps v WHERE v.delivery_id = d.id) THEN 1 ELSE 0 END)
                    FROM deliveries d WHERE d.announcement_id = @id GROUP BY d.variant ORDER BY d.variant;
                    """;
                command.Parameters.AddWithValue("@id", id);
                var result = new List<VariantEngagement>();
                using var rows = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    result.Add(new VariantEngagement(rows.GetString(0), rows.GetInt32(1), rows.GetInt32(2), rows.GetInt32(3), rows.GetInt32(4), rows.GetInt32(5)));
                }

                return result;
            },
            cancellationToken);

    /// <summary>Records a click on a rewritten link and returns where it goes; null for an unknown token.</summary>
    public Task<string?> RecordClickAsync(string token, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "SELECT delivery_id, url FROM links WHERE token = @t;";
                command.Parameters.AddWithValue("@t", token);
                long deliveryId;
                string url;
                using (var row = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (!await row.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        return null;
                    }

                    (deliveryId, url) = (row.GetInt64(0), row.GetString(1));
                }

                command.CommandText = "INSERT INTO clicks (delivery_id, token, clicked_at) VALUES (@d, @t, @at);";
                command.Parameters.AddWithValue("@d", deliveryId);
                command.Parameters.AddWithValue("@at", at.ToUnixTimeMilliseconds());
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                return url;
            },
            cancellationToken);

    /// <summary>
    /// Credits a reader's message to the latest announcement they were sent in the past 24 hours, once: further
    /// messages are the same conversation, not replies to an older announcement. Read first, so the common case (no
    /// announcement lately, or already credited) costs one indexed read and no write.
    /// </summary>
    public async Task<bool> RecordReplyAsync(ReaderKey reader, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var deliveryId = await database.ReadAsync(
            async connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT l.id, CASE WHEN EXISTS (SELECT 1 FROM replies r WHERE r.delivery_id = l.id) THEN 1 ELSE 0 END FROM ({LatestCreditable}) l;";
                BindCreditWindow(command, reader, at);
                using var row = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                return await row.ReadAsync(cancellationToken).ConfigureAwait(false) && row.GetInt64(1) == 0 ? row.GetInt64(0) : (long?)null;
            },
            cancellationToken).ConfigureAwait(false);
        if (deliveryId is null)
        {
            return false;
        }

        return await database.WriteAsync(
            async (connection, transaction) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "INSERT INTO replies (delivery_id, replied_at) VALUES (@d, @at) ON CONFLICT (delivery_id) DO NOTHING;";
                command.Parameters.AddWithValue("@d", deliveryId.Value);
                command.Parameters.AddWithValue("@at", at.ToUnixTimeMilliseconds());
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Credits an RSVP to the latest announcement the reader was sent in the past 24 hours; false when there is none or
    /// that delivery already has an RSVP (a second RSVP is the same reader persuaded once, not twice).
    /// </summary>
    public Task<bool> RecordRsvpAsync(ReaderKey reader, string eventId, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = $"INSERT INTO rsvps (delivery_id, event_id, rsvped_at) SELECT l.id, @e, @at FROM ({LatestCreditable}) l WHERE true ON CONFLICT (delivery_id) DO NOTHING;";
                BindCreditWindow(command, reader, at);
                command.Parameters.AddWithValue("@e", eventId);
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
            },
            cancellationToken);

    private static void BindCreditWindow(DbCommand command, ReaderKey reader, DateTimeOffset at)
    {
        command.Parameters.AddWithValue("@c", reader.ChannelId);
        command.Parameters.AddWithValue("@u", reader.UserId);
        command.Parameters.AddWithValue("@since", (at - CreditWindow).ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("@at", at.ToUnixTimeMilliseconds());
    }
}
