namespace AuthorBot.BotFramework.DirectLine;

/// <summary>
/// Lets the host hand out Direct Line tokens itself (e.g. a same-origin <c>POST /api/directline/token</c>
/// for its chat page) without sending the secret anywhere: the in-process equivalent of <c>tokens/generate</c>.
/// </summary>
public sealed class DirectLineTokenIssuer
{
    private readonly DirectLineTokenService _tokens;

    internal DirectLineTokenIssuer(DirectLineTokenService tokens)
    {
        _tokens = tokens;
    }

    /// <summary>
    /// Issues a token for a new conversation. With <paramref name="userId"/>, the token carries it (Web
    /// Chat then uses it as the user id, and the welcome goes out as soon as the conversation starts).
    /// </summary>
    /// <exception cref="ArgumentException">The user id is empty, longer than 256 characters or has control characters.</exception>
    public DirectLineTokenGrant Issue(string? userId = null)
    {
        if (userId is not null && (userId.Length is 0 or > 256 || userId.Any(char.IsControl)))
        {
            throw new ArgumentException("A user id must be 1-256 printable characters.", nameof(userId));
        }

        var conversationId = DirectLineConversations.NewConversationId();
        return new DirectLineTokenGrant(conversationId, _tokens.Issue(conversationId, userId), _tokens.LifetimeSeconds);
    }
}

/// <summary>A token for one new conversation, in the shape of the <c>tokens/generate</c> answer.</summary>
/// <param name="ConversationId">The conversation the token is scoped to.</param>
/// <param name="Token">The bearer token for Web Chat.</param>
/// <param name="ExpiresIn">Seconds until the token expires (Web Chat refreshes it halfway).</param>
public sealed record DirectLineTokenGrant(string ConversationId, string Token, int ExpiresIn);
