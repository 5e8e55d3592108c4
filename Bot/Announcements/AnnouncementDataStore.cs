using System.Globalization;
using System.Text.Json.Nodes;
using AuthorBot.Bot.Proactive;
using AuthorBot.Dialogs.Privacy;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Announcements;

/// <summary>Lets "export my data" and "delete my data" reach the reader's announcement deliveries, links, clicks, replies and RSVPs.</summary>
internal sealed class AnnouncementDataStore(ProactiveDatabase database) : IReaderDataStore
{
    public string Name => "announcements sent to you";

    /// <summary>The reader's deliveries with their clicks, reply and RSVP, or null when there are none.</summary>
    public async Task<JsonNode?> ExportAsync(ReaderKey reader, CancellationToken cancellationToken)
    {
        var items = await database.ExportForReaderAsync(
            """
            SELECT d.announcement_id, a.name, d.variant, d.state, d.reason, d.sent_at,
                   (SELECT COUNT(*) FROM clicks c WHERE c.delivery_id = d.id),
                   (SELECT replied_at FROM replies r WHERE r.delivery_id = d.id),
                   v.event_id, v.rsvped_at
            FROM deliveries d
            LEFT JOIN announcements a ON a.id = d.announcement_id
            LEFT JOIN rsvps v ON v.delivery_id = d.id
            WHERE d.channel_id = @c AND d.user_id = @u ORDER BY d.id;
            """,
            reader,
            rows => new JsonObject
            {
                ["announcementId"] = rows.GetString(0),
                ["announcement"] = rows.IsDBNull(1) ? null : rows.GetString(1),
                ["variant"] = rows.GetString(2),
                ["state"] = rows.GetString(3),
                ["reason"] = rows.IsDBNull(4) ? null : rows.GetString(4),
                ["sentAt"] = rows.IsDBNull(5) ? null : Iso(rows.GetInt64(5)),
                ["linkClicks"] = rows.GetInt32(6),
                ["repliedAt"] = rows.IsDBNull(7) ? null : Iso(rows.GetInt64(7)),
                ["rsvpEventId"] = rows.IsDBNull(8) ? null : rows.GetString(8),
                ["rsvpedAt"] = rows.IsDBNull(9) ? null : Iso(rows.GetInt64(9)),
            },
            cancellationToken).ConfigureAwait(false);
        return items.Count == 0 ? null : new JsonObject { ["deliveries"] = items };
    }

    /// <summary>Removes the reader's deliveries, links, clicks, replies and RSVP credits (announcement totals lose them too).</summary>
    public Task EraseAsync(ReaderKey reader, CancellationToken cancellationToken) =>
        database.ExecuteForReaderAsync(
            """
            DELETE FROM clicks WHERE delivery_id IN (SELECT id FROM deliveries WHERE channel_id = @c AND user_id = @u);
            DELETE FROM replies WHERE delivery_id IN (SELECT id FROM deliveries WHERE channel_id = @c AND user_id = @u);
            DELETE FROM rsvps WHERE delivery_id IN (SELECT id FROM deliveries WHERE channel_id = @c AND user_id = @u);
            DELETE FROM links WHERE delivery_id IN (SELECT id FROM deliveries WHERE channel_id = @c AND user_id = @u);
            DELETE FROM deliveries WHERE channel_id = @c AND user_id = @u;
            """,
            reader,
            cancellationToken);

    private static string Iso(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToString("O", CultureInfo.InvariantCulture);
}
