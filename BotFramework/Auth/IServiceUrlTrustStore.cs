namespace AuthorBot.BotFramework.Auth;

/// <summary>
/// Keeps the service URLs that arrived in authenticated requests across restarts, so proactive messages to stored
/// conversations still go out before the channel's next request.
/// </summary>
public interface IServiceUrlTrustStore
{
    /// <summary>Records <paramref name="serviceUrl"/> (normalized) as trusted; idempotent.</summary>
    Task AddAsync(string serviceUrl, CancellationToken cancellationToken);

    /// <summary>True when <paramref name="serviceUrl"/> (normalized) was recorded.</summary>
    Task<bool> ContainsAsync(string serviceUrl, CancellationToken cancellationToken);
}
