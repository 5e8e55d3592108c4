using System.Net;

namespace AuthorBot.Bot.Announcements;

/// <summary>The statuses Teams documents as transient (the Connector client retries them too; ConnectorRetry is internal to it).</summary>
internal static class ConnectorRetryStatuses
{
    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout;
}
