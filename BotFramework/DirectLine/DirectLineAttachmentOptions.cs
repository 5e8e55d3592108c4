namespace AuthorBot.BotFramework.DirectLine;

/// <summary>
/// Files uploaded through <c>POST .../upload</c> (configuration section <c>DirectLine:Attachments</c>). They are streamed
/// to files, never held in memory or in the conversation log, which keeps only a link to
/// <c>/v3/directline/attachments/{id}</c>.
/// </summary>
public sealed class DirectLineAttachmentOptions
{
    /// <summary>The content types accepted when <see cref="AllowedContentTypes"/> is empty.</summary>
    public static readonly IReadOnlyList<string> DefaultContentTypes =
    [
        "image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "text/plain", "text/markdown",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ];

    /// <summary>Where the files go; empty means <c>attachments</c> in <see cref="DirectLineOptions.DataDirectory"/>.</summary>
    public string? Directory { get; set; }

    /// <summary>Largest single file, in bytes.</summary>
    public long MaxFileBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Most bytes all files of one conversation may take (each file counts at least 4 KiB).</summary>
    public long MaxConversationBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Most bytes the whole store may take (each file counts at least 4 KiB).</summary>
    public long MaxTotalBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>Most files in one upload request.</summary>
    public int MaxFilesPerUpload { get; set; } = 10;

    /// <summary>
    /// Accepted content types (<c>image/png</c>, or <c>image/*</c> for a family); empty means
    /// <see cref="DefaultContentTypes"/>. PNG, JPEG, GIF, WebP, PDF and Word (.docx) files must also start like one, and text
    /// must hold no NUL byte, so a page cannot be uploaded as an image and served back as something else.
    /// </summary>
    public IList<string> AllowedContentTypes { get; set; } = [];
}
