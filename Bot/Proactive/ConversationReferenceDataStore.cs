using System.Text.Json.Nodes;
using AuthorBot.Dialogs.Privacy;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Proactive;

/// <summary>Lets "export my data" and "delete my data" reach stored conversation references and activity hours.</summary>
internal sealed class ConversationReferenceDataStore(ConversationReferenceStore store) : IReaderDataStore
{
    public string Name => "conversation references";

    public Task<JsonNode?> ExportAsync(ReaderKey reader, CancellationToken cancellationToken) => store.ExportAsync(reader, cancellationToken);

    public Task EraseAsync(ReaderKey reader, CancellationToken cancellationToken) => store.EraseAsync(reader, cancellationToken);
}
