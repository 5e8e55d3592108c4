namespace AuthorBot.BotFramework.Connector;

/// <summary>Creates Connector clients for a channel's service URL.</summary>
public interface IConnectorClientFactory
{
    /// <summary>Creates a client for <paramref name="serviceUrl"/> (an absolute http or https URL).</summary>
    /// <exception cref="ArgumentException"><paramref name="serviceUrl"/> is not an absolute http(s) URL.</exception>
    IConnectorClient Create(string serviceUrl);
}
