namespace AuthorBot.BotFramework.Auth;

/// <summary>Adds credentials (an <c>Authorization</c> header) to the bot's outbound Connector calls.</summary>
public interface IOutboundCredentialProvider
{
    /// <summary>Adds whatever the Connector service at the request's URI needs; called once per attempt.</summary>
    ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken);
}
