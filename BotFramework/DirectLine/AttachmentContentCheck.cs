using Microsoft.Net.Http.Headers;

namespace AuthorBot.BotFramework.DirectLine;

/// <summary>
/// Decides what content type an upload is stored and served as: the declared type must be allowed, and for the types
/// browsers render the file must start like one (a page declared as <c>image/png</c> is refused), so an attachment URL
/// on the bot's origin can never serve script.
/// </summary>
internal static class AttachmentContentCheck
{
    /// <summary>How many leading bytes <see cref="Matches"/> needs at most (text is checked for NUL bytes over this span).</summary>
    public const int HeadLength = 8192;

    /// <summary>The declared type, lower case without parameters, when it is allowed; otherwise null.</summary>
    public static string? Allowed(string? declared, IList<string> configured)
    {
        if (string.IsNullOrWhiteSpace(declared) || !MediaTypeHeaderValue.TryParse(declared, out var parsed) || parsed.MediaType.Value is not { } mediaType)
        {
            return null;
        }

        var type = mediaType.ToLowerInvariant();
        var allowed = configured.Count == 0 ? DirectLineAttachmentOptions.DefaultContentTypes : [.. configured];
        foreach (var entry in allowed)
        {
            var pattern = entry.Trim().ToLowerInvariant();
            if (pattern == type || (pattern.EndsWith("/*", StringComparison.Ordinal) && type.StartsWith(pattern[..^1], StringComparison.Ordinal)))
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="head"/> (the file's first bytes) fits <paramref name="contentType"/>.</summary>
    public static bool Matches(string contentType, ReadOnlySpan<byte> head) => contentType switch
    {
        "image/png" => head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        "image/jpeg" => head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
        "image/gif" => head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8),
        "image/webp" => head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8),
        "application/pdf" => head.StartsWith("%PDF-"u8),

        // A .docx is a zip package; served as a download, never rendered.
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => head.StartsWith("PK\u0003\u0004"u8),
        _ when contentType.StartsWith("text/", StringComparison.Ordinal) => !head.Contains((byte)0),
        _ => true,
    };
}
