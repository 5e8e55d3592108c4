namespace AuthorBot.BotFramework.Connector;

/// <summary>
/// The bot refused to call a service URL that never arrived in an authenticated request. Permanent: retrying cannot
/// help, and the conversation is unreachable until the channel writes from that URL with a valid token.
/// </summary>
public sealed class ServiceUrlNotTrustedException : ConnectorException
{
    /// <summary>Creates the exception.</summary>
    public ServiceUrlNotTrustedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ServiceUrlNotTrustedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ServiceUrlNotTrustedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
