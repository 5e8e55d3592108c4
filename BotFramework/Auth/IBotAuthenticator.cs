using System.Security.Claims;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Auth;

/// <summary>Authenticates an incoming request to the bot endpoint (the channel's <c>Authorization</c> header).</summary>
public interface IBotAuthenticator
{
    /// <summary>
    /// Validates <paramref name="authorizationHeader"/> for <paramref name="activity"/> and returns the caller's identity.
    /// </summary>
    /// <exception cref="UnauthorizedAccessException">The request is not authenticated; the endpoint answers 401.</exception>
    Task<ClaimsIdentity> AuthenticateRequestAsync(Activity activity, string? authorizationHeader, CancellationToken cancellationToken);
}
