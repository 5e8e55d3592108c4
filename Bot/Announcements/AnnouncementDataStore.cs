using System.Text.Json.Nodes;
using AuthorBot.Dialogs.Privacy;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Announcements;

/// <summary>Lets "export my data" and "delete my data" reach the reader's announcement deliveries, clicks and replies.</summary>
internal sealed class AnnouncementDataStore(AnnouncementStore store) : IReaderDataStore
{
    public string Name => "announcements sent to you";

    public Task<JsonNode?> ExportAsync(ReaderKey reader, CancellationToken cancellationToken) => store.ExportAsync(reader, cancellationToken);

    public Task EraseAsync(ReaderKey reader, CancellationToken cancellationToken) => store.EraseAsync(reader, cancellationToken);
}
