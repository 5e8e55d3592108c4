namespace AuthorBot.BotFramework.Auth;

/// <summary>One MSAL application that gets the bot's Connector tokens (client credentials or managed identity).</summary>
internal interface IAccessTokenSource
{
    /// <summary>What the source is, for log lines and errors (credential kind, app id, authority).</summary>
    string Description { get; }

    /// <summary>Gets a token, from MSAL's cache when it holds a valid one.</summary>
    Task<AccessToken> AcquireAsync(CancellationToken cancellationToken);
}
