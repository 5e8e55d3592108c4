using System.Text.Json;
using System.Text.Json.Serialization;

namespace AuthorBot.BotFramework.Schema;

/// <summary>A file or card attached to an activity.</summary>
public class Attachment
{
    /// <summary>Creates an empty attachment.</summary>
    public Attachment()
    {
    }

    /// <summary>Creates an attachment.</summary>
    public Attachment(string? contentType, string? contentUrl = null, JsonElement? content = null, string? name = null, string? thumbnailUrl = null)
    {
        ContentType = contentType;
        ContentUrl = contentUrl;
        Content = content;
        Name = name;
        ThumbnailUrl = thumbnailUrl;
    }

    /// <summary>MIME type of the content (e.g. <c>application/vnd.microsoft.card.hero</c>).</summary>
    public string? ContentType { get; set; }

    /// <summary>URL of the content.</summary>
    public string? ContentUrl { get; set; }

    /// <summary>Embedded content (a card body, for instance).</summary>
    public JsonElement? Content { get; set; }

    /// <summary>File name.</summary>
    public string? Name { get; set; }

    /// <summary>URL of a thumbnail.</summary>
    public string? ThumbnailUrl { get; set; }

    /// <summary>Fields this library does not model, kept so they are written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}
