using System.Text.Json.Nodes;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Dialogs.Privacy;

/// <summary>
/// A store that keeps something about readers. Each one registers itself so "export my data" and
/// "delete my data" reach every record, not only the profile.
/// </summary>
public interface IReaderDataStore
{
    /// <summary>What the store holds, in words a reader understands ("event RSVPs").</summary>
    string Name { get; }

    /// <summary>Everything the store holds about the reader.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records as JSON, or null when the store holds nothing about the reader.</returns>
    Task<JsonNode?> ExportAsync(ReaderKey reader, CancellationToken cancellationToken);

    /// <summary>Removes every record about the reader; erasing twice is not an error.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="cancellationToken">Cancels the erase.</param>
    /// <returns>A task that completes when the records are gone.</returns>
    Task EraseAsync(ReaderKey reader, CancellationToken cancellationToken);
}
