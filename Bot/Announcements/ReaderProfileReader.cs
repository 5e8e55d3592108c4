using System.Text.Json;
using AuthorBot.BotFramework.State;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Announcements;

/// <summary>
/// Reads reader profiles straight from the bot's <see cref="IStorage"/>, where user state keeps them under
/// "{channelId}/users/{userId}" in the property "ReaderProfile", so announcements always see the reader's latest
/// preferences (a "stop" a minute ago counts) without a second copy to keep in sync.
/// </summary>
internal sealed class ReaderProfileReader(IStorage storage)
{
    public const string PropertyName = nameof(ReaderProfile);

    /// <summary>The profiles of <paramref name="readers"/>; readers with none are absent.</summary>
    public async Task<Dictionary<ReaderKey, ReaderProfile>> ReadAsync(IReadOnlyCollection<ReaderKey> readers, CancellationToken cancellationToken)
    {
        var byKey = readers.Distinct().ToDictionary(KeyOf);
        var result = new Dictionary<ReaderKey, ReaderProfile>();
        foreach (var chunk in byKey.Keys.Chunk(500))
        {
            var documents = await storage.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            foreach (var (key, document) in documents)
            {
                var element = document is JsonElement e ? e : JsonSerializer.SerializeToElement(document, document.GetType(), StateJson.Options);
                if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(PropertyName, out var profile) && profile.ValueKind == JsonValueKind.Object)
                {
                    try
                    {
                        if (profile.Deserialize<ReaderProfile>(StateJson.Options) is { } parsed)
                        {
                            result[byKey[key]] = parsed;
                        }
                    }
                    catch (JsonException)
                    {
                        // A profile this version cannot read is treated as absent (defaults apply); the turn that owns it
                        // reports the problem to the reader, and announcements must not stop for one bad document.
                    }
                }
            }
        }

        return result;
    }

    /// <summary>The user-state key of <paramref name="reader"/>.</summary>
    public static string KeyOf(ReaderKey reader) => $"{reader.ChannelId}/users/{reader.UserId}";
}
