using System.Net;

namespace AuthorBot.BotFramework.Connector;

/// <summary>A Connector call failed: the channel answered with an error status, or could not be reached.</summary>
public class ConnectorException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConnectorException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ConnectorException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an error answer.</summary>
    public ConnectorException(string message, HttpStatusCode? statusCode, string? errorCode, string? responseBody, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ResponseBody = responseBody;
    }

    /// <summary>The HTTP status the channel answered with; null when it could not be reached.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The Connector error code (e.g. <c>ConversationNotFound</c>, <c>BotNotInConversationRoster</c>), when given.</summary>
    public string? ErrorCode { get; }

    /// <summary>The (size-limited) response body, for diagnostics.</summary>
    public string? ResponseBody { get; }
}
