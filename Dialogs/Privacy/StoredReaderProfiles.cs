using System.Text.Json;
using AuthorBot.BotFramework.State;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Dialogs.Privacy;

/// <summary>
/// Reads and erases a reader's user-state document straight from storage, for work done outside that reader's
/// turn (another reader's cancellation promoting them, "delete my data").
/// </summary>
/// <param name="storage">The bot's storage.</param>
internal sealed class StoredReaderProfiles(IStorage storage)
{
    /// <summary>The user-state property the profile lives in (see <see cref="ReaderStateAccessors"/>).</summary>
    public const string ProfileProperty = nameof(ReaderProfile);

    private readonly IStorage _storage = storage ?? throw new ArgumentNullException(nameof(storage));

    /// <summary>The user-state key of a reader, as <see cref="UserState"/> builds it.</summary>
    public static string KeyFor(ReaderKey reader) => $"{reader.ChannelId}/users/{reader.UserId}";

    /// <summary>The reader's whole user-state document, without its ETag; null when there is none.</summary>
    public async Task<JsonElement?> ReadDocumentAsync(ReaderKey reader, CancellationToken cancellationToken)
    {
        var key = KeyFor(reader);
        var found = await _storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        if (!found.TryGetValue(key, out var value))
        {
            return null;
        }

        var element = value as JsonElement? ?? JsonSerializer.SerializeToElement(value, value.GetType(), StateJson.Options);
        return element;
    }

    /// <summary>The reader's stored profile, or null when none is stored or it cannot be read.</summary>
    public async Task<ReaderProfile?> ReadProfileAsync(ReaderKey reader, CancellationToken cancellationToken)
    {
        var document = await ReadDocumentAsync(reader, cancellationToken).ConfigureAwait(false);
        if (document is not { ValueKind: JsonValueKind.Object } element || !element.TryGetProperty(ProfileProperty, out var profile))
        {
            return null;
        }

        try
        {
            return profile.Deserialize<ReaderProfile>(StateJson.Options);
        }
        catch (JsonException)
        {
            // A profile written by an older shape is not worth failing someone else's turn over.
            return null;
        }
    }

    /// <summary>Deletes the reader's user-state document.</summary>
    public Task DeleteAsync(ReaderKey reader, CancellationToken cancellationToken) =>
        _storage.DeleteAsync([KeyFor(reader)], cancellationToken);
}
