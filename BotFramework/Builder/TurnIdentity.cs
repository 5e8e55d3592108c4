namespace AuthorBot.BotFramework.Builder;

/// <summary>
/// Whether the channel vouches for the turn's <c>from.id</c>. Bot Framework channels do (the request is signed; in
/// anonymous development mode the caller is on this machine), and so does Direct Line when the id came from the token
/// or the secret holder. A Direct Line client holding a token without a user id may name any id it likes, so flows that
/// show or delete what is stored about a reader must not trust it.
/// </summary>
public static class TurnIdentity
{
    private const string UnvouchedKey = "AuthorBot.UnvouchedUser";

    /// <summary>False when the adapter marked the turn's user id as merely claimed by the client.</summary>
    public static bool IsUserVouched(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return !turnContext.TurnState.ContainsKey(UnvouchedKey);
    }

    /// <summary>Marks the turn's user id as claimed by the client, not vouched for by the channel.</summary>
    public static void MarkUserUnvouched(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.TurnState[UnvouchedKey] = true;
    }
}
