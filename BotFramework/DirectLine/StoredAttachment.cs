namespace AuthorBot.BotFramework.DirectLine;

/// <summary>What the attachment store knows about one file (its sidecar JSON).</summary>
/// <param name="Id">Unguessable id, the last segment of its URL.</param>
/// <param name="ConversationId">The conversation it was uploaded to; only that conversation's token reads it.</param>
/// <param name="ContentType">The checked content type it is served with.</param>
/// <param name="Name">The file name the client gave, cleaned.</param>
/// <param name="Length">Its size in bytes.</param>
/// <param name="CreatedAt">When it was uploaded (retention).</param>
internal sealed record StoredAttachment(string Id, string ConversationId, string ContentType, string? Name, long Length, DateTimeOffset CreatedAt);
