namespace AuthorBot.BotFramework.Auth;

/// <summary>Reads the token out of an <c>Authorization</c> header the way the Bot Framework SDKs do.</summary>
internal static class BearerToken
{
    /// <summary>
    /// The token of <c>Bearer &lt;token&gt;</c>, or null. Exactly two space-separated parts and a case-sensitive scheme,
    /// as the JS SDK's JwtTokenExtractor requires: a header it refuses must not be one the bot accepts.
    /// </summary>
    public static string? Parse(string? authorizationHeader)
    {
        if (string.IsNullOrEmpty(authorizationHeader))
        {
            return null;
        }

        var parts = authorizationHeader.Split(' ');
        return parts is ["Bearer", { Length: > 0 } token] ? token : null;
    }
}
