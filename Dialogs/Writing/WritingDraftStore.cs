using System.Text.Json;
using System.Text.Json.Nodes;
using AuthorBot.BotFramework.State;
using AuthorBot.Dialogs.Privacy;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Dialogs.Writing;

/// <summary>
/// The figures of each author's last two drafts in the bot's <see cref="IStorage"/>, so "compare with my last draft"
/// works across conversations and from the background job that analyses long manuscripts. The text itself is never
/// kept. Part of "export my data" and "delete my data".
/// </summary>
/// <param name="storage">The bot's configured storage.</param>
internal sealed class WritingDraftStore(IStorage storage) : IReaderDataStore
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    public string Name => "your drafts' writing figures";

    public static string KeyFor(ReaderKey reader) => $"authorbot/writing/{reader.ChannelId}/{reader.UserId}";

    public async Task<WritingDraftDocument?> ReadAsync(ReaderKey reader, CancellationToken cancellationToken)
    {
        var key = KeyFor(reader);
        var found = await storage.ReadAsync<WritingDraftDocument>([key], cancellationToken).ConfigureAwait(false);
        return found.TryGetValue(key, out var document) ? document : null;
    }

    /// <summary>Keeps <paramref name="figures"/> as the last draft; the one before becomes the previous.</summary>
    public async Task AddAsync(ReaderKey reader, DraftFigures figures, CancellationToken cancellationToken)
    {
        var key = KeyFor(reader);
        for (var attempt = 1; ; attempt++)
        {
            var document = await ReadAsync(reader, cancellationToken).ConfigureAwait(false) ?? new WritingDraftDocument { ETag = StorageETag.CreateOnly };
            document.Previous = document.Last;
            document.Last = figures;
            try
            {
                await storage.WriteAsync(new Dictionary<string, object> { [key] = document }, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (StorageConcurrencyException) when (attempt < 5)
            {
                // Two drafts finished at once: add this one on top of the other.
            }
        }
    }

    public async Task<JsonNode?> ExportAsync(ReaderKey reader, CancellationToken cancellationToken)
    {
        var document = await ReadAsync(reader, cancellationToken).ConfigureAwait(false);
        return document is null ? null : JsonSerializer.SerializeToNode(new { document.Last, document.Previous }, _json);
    }

    public Task EraseAsync(ReaderKey reader, CancellationToken cancellationToken) =>
        storage.DeleteAsync([KeyFor(reader)], cancellationToken);
}
