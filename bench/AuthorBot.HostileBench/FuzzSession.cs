namespace AuthorBot.HostileBench;

/// <summary>A Direct Line token and, once started, its conversation.</summary>
/// <param name="Token">The bearer token.</param>
/// <param name="ConversationId">The conversation it is scoped to.</param>
/// <param name="Started">Whether POST conversations has run for it.</param>
public sealed record FuzzSession(string Token, string ConversationId, bool Started);
