using System.Globalization;
using System.Text.Json.Nodes;
using AuthorBot.Bot.Proactive;
using AuthorBot.Dialogs.Privacy;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Understanding;

/// <summary>Lets "export my data" and "delete my data" reach the messages a reader asked the bot to pass to the author.</summary>
internal sealed class AuthorInboxDataStore(ProactiveDatabase database) : IReaderDataStore
{
    public string Name => "messages you sent the author";

    public async Task<JsonNode?> ExportAsync(ReaderKey reader, CancellationToken cancellationToken)
    {
        var items = await database.ExportForReaderAsync(
            "SELECT received_at, message, contact, contact_consent FROM author_inbox WHERE channel_id = @c AND user_id = @u ORDER BY id;",
            reader,
            rows => new JsonObject
            {
                ["sentAt"] = DateTimeOffset.FromUnixTimeMilliseconds(rows.GetInt64(0)).ToString("O", CultureInfo.InvariantCulture),
                ["message"] = rows.GetString(1),
                ["contact"] = rows.IsDBNull(2) ? null : rows.GetString(2),
                ["contactConsent"] = rows.IsDBNull(3) ? null : rows.GetString(3),
            },
            cancellationToken).ConfigureAwait(false);
        return items.Count == 0 ? null : new JsonObject { ["messages"] = items };
    }

    public Task EraseAsync(ReaderKey reader, CancellationToken cancellationToken) =>
        database.ExecuteForReaderAsync("DELETE FROM author_inbox WHERE channel_id = @c AND user_id = @u;", reader, cancellationToken);
}
