namespace AuthorBot.BotFramework.State;

/// <summary>A value ready to store: its JSON text, the ETag it was read with, and the item to tell its new ETag.</summary>
internal sealed record EncodedDocument(string Key, string Json, string? ExpectedETag, IStoreItem? Item);
