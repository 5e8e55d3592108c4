using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using AuthorBot.BotFramework.State;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace AuthorBot.Bot.DirectLine;

/// <summary>
/// The Data Protection key ring in the bot's storage, for instances sharing one database: a reader cookie one instance
/// wrote is read by every other. All keys are one document, changed with its ETag (a racing writer reads again and
/// adds its key to the other's), so no key is lost.
/// </summary>
internal sealed class StorageXmlRepository(IStorage storage) : IXmlRepository
{
    internal const string StorageKey = "dataprotection/keyring";
    private const int Attempts = 5;

    // IXmlRepository is synchronous; Data Protection calls it rarely (at start, on a key's creation, on a refresh).
    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. ReadAsync().GetAwaiter().GetResult().Elements.Select(x => XElement.Parse(x))];

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        for (var attempt = 1; ; attempt++)
        {
            var (elements, eTag) = ReadAsync().GetAwaiter().GetResult();
            var document = new JsonObject
            {
                ["eTag"] = eTag ?? StorageETag.CreateOnly,
                ["elements"] = new JsonArray([.. elements.Append(element.ToString(SaveOptions.DisableFormatting)).Select(x => JsonValue.Create(x))]),
            };
            try
            {
                storage.WriteAsync(new Dictionary<string, object> { [StorageKey] = document }).GetAwaiter().GetResult();
                return;
            }
            catch (StorageConcurrencyException) when (attempt < Attempts)
            {
                // Another instance stored a key meanwhile; add this one to the ring as it now is.
            }
        }
    }

    private async Task<(List<string> Elements, string? ETag)> ReadAsync()
    {
        var found = await storage.ReadAsync([StorageKey]).ConfigureAwait(false);
        if (!found.TryGetValue(StorageKey, out var value) || value is not JsonElement document)
        {
            return ([], null);
        }

        var eTag = document.TryGetProperty("eTag", out var tag) ? tag.GetString() : null;
        var elements = document.TryGetProperty("elements", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(x => x.GetString()).OfType<string>().ToList()
            : [];
        return (elements, eTag);
    }
}
