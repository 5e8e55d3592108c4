using Microsoft.AspNetCore.Http;

namespace AuthorBot.BotFramework.DirectLine;

/// <summary>A stored file, or why it was refused (status and message for the client).</summary>
internal sealed record AttachmentSaveResult(StoredAttachment? Attachment, int Status, string? Error)
{
    public static AttachmentSaveResult Saved(StoredAttachment attachment) => new(attachment, StatusCodes.Status200OK, null);

    public static AttachmentSaveResult Refused(int status, string error) => new(null, status, error);
}
