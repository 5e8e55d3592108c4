namespace AuthorBot.BotFramework.DirectLine;

/// <summary>What a valid token grants: one conversation, optionally bound to one user id.</summary>
/// <param name="ConversationId">The only conversation the token may touch.</param>
/// <param name="UserId">The user id embedded by <c>tokens/generate</c>, if any.</param>
/// <param name="ExpiresAt">When the token stops being accepted.</param>
internal sealed record DirectLineToken(string ConversationId, string? UserId, DateTimeOffset ExpiresAt);
