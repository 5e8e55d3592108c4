namespace AuthorBot.Dialogs.Profile;

/// <summary>Identifies one reader on one channel, the unit every store keys its records by.</summary>
/// <param name="ChannelId">The channel's id, e.g. "msteams" or "directline".</param>
/// <param name="UserId">The reader's id on that channel.</param>
public readonly record struct ReaderKey(string ChannelId, string UserId);
