using System.Text.Json.Nodes;
using AuthorBot.Dialogs.Privacy;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Newsletter;

/// <summary>The newsletter's email records (subscription, confirmation and delivery events) in "export/delete my data".</summary>
internal sealed class NewsletterEmailDataStore(NewsletterStore store) : IReaderDataStore
{
    public string Name => "newsletter emails";

    public Task<JsonNode?> ExportAsync(ReaderKey reader, CancellationToken cancellationToken) => store.ExportAsync(reader, cancellationToken);

    public Task EraseAsync(ReaderKey reader, CancellationToken cancellationToken) => store.EraseAsync(reader, cancellationToken);
}
