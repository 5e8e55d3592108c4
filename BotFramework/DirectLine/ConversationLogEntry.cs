namespace AuthorBot.BotFramework.DirectLine;

/// <summary>One stored activity: its place in the log (the watermark unit), its id and its JSON.</summary>
/// <param name="Sequence">Position in the conversation; watermarks name the last sequence a client has.</param>
/// <param name="Id">The server-assigned activity id (<c>conversationId|0000042</c>).</param>
/// <param name="Timestamp">The server-assigned timestamp, used for age-based retention.</param>
/// <param name="Json">The activity as UTF-8 JSON, ready to splice into an ActivitySet.</param>
/// <param name="SourceId">The id the bot gave the activity when it sent it (an announcement's idempotency key), if any.</param>
internal sealed record ConversationLogEntry(long Sequence, string Id, DateTimeOffset Timestamp, byte[] Json, string? SourceId = null);
