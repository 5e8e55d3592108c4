namespace AuthorBot.BotFramework.Auth;

/// <summary>A bearer token for the Connector and the times MSAL gave with it.</summary>
/// <param name="Value">The token.</param>
/// <param name="ExpiresOn">When it stops being valid.</param>
/// <param name="RefreshOn">When MSAL would rather refresh it (long-lived tokens), if it said.</param>
internal sealed record AccessToken(string Value, DateTimeOffset ExpiresOn, DateTimeOffset? RefreshOn)
{
    /// <summary>
    /// MSAL treats a cached token as expired this long before its expiry (its access-token expiration buffer), so
    /// a token kept beyond that would make every send ask MSAL again anyway.
    /// </summary>
    public static readonly TimeSpan ExpiryMargin = TimeSpan.FromMinutes(5);

    /// <summary>Until when a send may use this token without asking MSAL.</summary>
    public DateTimeOffset UseUntil
    {
        get
        {
            var beforeExpiry = ExpiresOn - ExpiryMargin;
            return RefreshOn is { } refreshOn && refreshOn < beforeExpiry ? refreshOn : beforeExpiry;
        }
    }
}
