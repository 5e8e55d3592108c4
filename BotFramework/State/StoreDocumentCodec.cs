using System.Text.Json;
using System.Text.Json.Nodes;

namespace AuthorBot.BotFramework.State;

/// <summary>Turns written values into (JSON text, ETag) and stored rows back into documents, the same way for every store.</summary>
internal static class StoreDocumentCodec
{
    private const string ETagProperty = "eTag";

    /// <summary>Serializes <paramref name="value"/> to a JSON object without its ETag, and returns the ETag it was read with.</summary>
    public static EncodedDocument Encode(string key, object? value, JsonSerializerOptions options)
    {
        ValidateKey(key);
        if (value is null)
        {
            throw new ArgumentException($"Cannot store null under '{key}'; delete the key instead.", nameof(value));
        }

        // A state document already serialized by BotState for its change check is stored as that text, not serialized again.
        if (value is StateDocument { Json: { } serialized } state && ReferenceEquals(options, StateJson.Options))
        {
            return new EncodedDocument(key, serialized, state.ETag, state);
        }

        var node = value switch
        {
            JsonElement element => JsonNode.Parse(element.GetRawText()),
            JsonNode json => json.DeepClone(),
            _ => JsonSerializer.SerializeToNode(value, value.GetType(), options),
        };
        if (node is not JsonObject document)
        {
            throw new ArgumentException($"The value stored under '{key}' must serialize to a JSON object, not {node?.GetValueKind().ToString() ?? "null"}.", nameof(value));
        }

        var eTag = TakeETag(document);
        if (value is IStoreItem item)
        {
            eTag = item.ETag;
        }

        return new EncodedDocument(key, document.ToJsonString(options), eTag, value as IStoreItem);
    }

    /// <summary>Builds the document handed out by reads: the stored JSON plus its current ETag.</summary>
    public static JsonElement Decode(string json, string eTag)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(eTag);

        // Documents written by Encode are JSON objects without an eTag; splicing it in front means the text is parsed
        // once into an element that owns its memory, instead of built into a tree, edited and serialized again.
        var body = json.AsSpan().TrimStart();
        if (body.Length >= 2 && body[0] == '{' && !json.Contains("\"eTag\"", StringComparison.Ordinal))
        {
            body = body[1..].TrimStart();
            var text = string.Concat("{\"eTag\":\"", JsonEncodedText.Encode(eTag).Value, body[0] == '}' ? "\"" : "\",", body);
            try
            {
                var element = JsonElement.Parse(text);
                if (element.ValueKind == JsonValueKind.Object)
                {
                    return element;
                }
            }
            catch (JsonException)
            {
                // Fall through to the tolerant path, which reports a damaged document the same way it always did.
            }
        }

        return DecodeSlowly(json, eTag);
    }

    private static JsonElement DecodeSlowly(string json, string eTag)
    {
        var document = JsonNode.Parse(json) as JsonObject ?? [];
        document[ETagProperty] = eTag;
        return JsonSerializer.SerializeToElement(document, StateJson.Options);
    }

    public static void ValidateKey(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new ArgumentException("Storage keys must be non-empty strings.", nameof(key));
        }
    }

    private static string? TakeETag(JsonObject document)
    {
        string? eTag = null;
        foreach (var name in new[] { ETagProperty, "ETag" })
        {
            if (document.TryGetPropertyValue(name, out var found))
            {
                if (found is JsonValue v && v.TryGetValue<string>(out var text))
                {
                    eTag = text;
                }

                document.Remove(name);
            }
        }

        return eTag;
    }
}
