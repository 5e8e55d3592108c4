using System.Text.Json.Nodes;
using AuthorBot.Dialogs.Privacy;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Proactive;

/// <summary>Lets "export my data" and "delete my data" reach the reader's scheduled reminders.</summary>
internal sealed class ReminderDataStore(ReminderStore store) : IReaderDataStore
{
    public string Name => "scheduled reminders";

    public Task<JsonNode?> ExportAsync(ReaderKey reader, CancellationToken cancellationToken) => store.ExportAsync(reader, cancellationToken);

    public Task EraseAsync(ReaderKey reader, CancellationToken cancellationToken) => store.EraseAsync(reader, cancellationToken);
}
