namespace AuthorBot.BotFramework.DirectLine;

/// <summary>Who is calling: the secret holder (the bot's own backend), or a token scoped to one conversation.</summary>
internal sealed record DirectLineCaller(bool IsSecret, DirectLineToken? Token)
{
    /// <summary>The user id the token carries, if any.</summary>
    public string? UserId => Token?.UserId;

    /// <summary>The secret may touch any conversation; a token only its own.</summary>
    public bool MayAccess(string conversationId) => IsSecret || Token?.ConversationId == conversationId;

    /// <summary>The rate-limit bucket: the token's conversation, or the client address for the secret.</summary>
    public string Partition(string? remoteAddress) => Token is { } token ? "c:" + token.ConversationId : "a:" + remoteAddress;
}
