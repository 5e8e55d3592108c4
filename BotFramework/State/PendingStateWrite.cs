namespace AuthorBot.BotFramework.State;

/// <summary>
/// One state document a turn is about to save: where it goes, what it holds, and what to record in the turn's cache once
/// the store has taken it (so a failed write leaves the cache as it was, and a retried turn reads the store afresh).
/// </summary>
internal sealed record PendingStateWrite(IStorage Storage, string Key, StateDocument Document, Action Committed);
