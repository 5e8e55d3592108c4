namespace AuthorBot.BotFramework.Connector;

/// <summary>
/// The bot refused to connect to a service URL because it names or resolves to an address that is not public (loopback,
/// private, link-local, unique-local, metadata, ...) and is not on <c>BotFramework:Connector:AllowedServiceUrls</c>.
/// Permanent: nothing was sent, and retrying cannot help.
/// </summary>
public sealed class ServiceUrlRefusedException : ConnectorException
{
    /// <summary>Creates the exception.</summary>
    public ServiceUrlRefusedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ServiceUrlRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ServiceUrlRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
