namespace AuthorBot.BotFramework.Auth;

/// <summary>Adds credentials (an <c>Authorization</c> header) to the bot's outbound Connector calls.</summary>
public interface IOutboundCredentialProvider
{
    /// <summary>Adds whatever the Connector service at the request's URI needs; called once per attempt.</summary>
    /// <exception cref="Connector.ConnectorException">No credential could be had for the request; it must not be sent.</exception>
    ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken);
}
