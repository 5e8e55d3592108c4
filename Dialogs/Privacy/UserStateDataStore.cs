using System.Text.Json.Nodes;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Dialogs.Privacy;

/// <summary>The reader's user state (profile, preferences, consent and anything else kept per reader) as a data store.</summary>
/// <param name="profiles">Reads and deletes user-state documents.</param>
internal sealed class UserStateDataStore(StoredReaderProfiles profiles) : IReaderDataStore
{
    private readonly StoredReaderProfiles _profiles = profiles ?? throw new ArgumentNullException(nameof(profiles));

    /// <inheritdoc />
    public string Name => "profile and preferences";

    /// <inheritdoc />
    public async Task<JsonNode?> ExportAsync(ReaderKey reader, CancellationToken cancellationToken)
    {
        if (await _profiles.ReadDocumentAsync(reader, cancellationToken).ConfigureAwait(false) is not { } document
            || JsonNode.Parse(document.GetRawText()) is not JsonObject values)
        {
            return null;
        }

        // The ETag is storage bookkeeping, not something we know about the reader.
        values.Remove("eTag");
        return values.Count == 0 ? null : values;
    }

    /// <inheritdoc />
    public Task EraseAsync(ReaderKey reader, CancellationToken cancellationToken) => _profiles.DeleteAsync(reader, cancellationToken);
}
