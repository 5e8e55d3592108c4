namespace AuthorBot.BotFramework.DirectLine;

/// <summary>What to write to storage: the head, and each changed chunk (null = delete it), as of <paramref name="Version"/>.</summary>
internal sealed record ConversationSnapshot(long Version, ConversationLogHead Head, IReadOnlyDictionary<long, IReadOnlyList<ConversationLogEntry>?> Chunks);
